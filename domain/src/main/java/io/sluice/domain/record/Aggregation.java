package io.sluice.domain.record;

import java.util.Locale;

/**
 * One aggregate of a chunk summary: {@code {"output_name": "total", "operator": "SUM"}}.
 */
public record Aggregation(String outputName, Operator operator) {

    /** The aggregate operators; the reference API supports only {@code SUM}. */
    public enum Operator {
        SUM;

        /**
         * @throws IllegalArgumentException naming the operator and the supported ones
         */
        public static Operator parse(String text) {
            if (text != null && text.toUpperCase(Locale.ROOT).equals("SUM")) {
                return SUM;
            }
            throw new IllegalArgumentException("summary operator '" + text + "' is not supported; supported: SUM");
        }
    }

    public Aggregation {
        if (outputName == null || outputName.isBlank()) {
            throw new IllegalArgumentException("a summary aggregation needs an output_name");
        }
        if (operator == null) {
            throw new IllegalArgumentException("a summary aggregation needs an operator");
        }
    }

    /** The name it has in {@code summary_output}: the output name suffixed with the operator, {@code total_SUM}. */
    public String resultName() {
        return outputName + "_" + operator.name();
    }
}
