package io.sluice.adapters.rest.batch;

/** The one aggregation the Batch API knows: {@code SUM} of a named output. */
final class Aggregations {

    private Aggregations() {
    }

    static String check(int index, String output, String operator) {
        if (output == null || output.isBlank()) {
            throw InvalidChunksException.at(index, "each data.summary.aggregation needs an output_name");
        }
        if (!"SUM".equalsIgnoreCase(operator)) {
            throw InvalidChunksException.at(index, "aggregation operator '" + operator + "' is not supported: only SUM is");
        }
        return output;
    }
}
