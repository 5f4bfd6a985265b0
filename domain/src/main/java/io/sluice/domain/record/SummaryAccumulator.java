package io.sluice.domain.record;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Running aggregates of one chunk, record by record, without boxing per record.
 *
 * <p>SUM works like a spreadsheet's SUM over a column: numbers add up, text, booleans and blanks
 * are left out, and an error value poisons the sum unless errors are ignored. A record that failed
 * without a value for the output counts as an error too (its first error type, else {@code #N/A}).
 * The sum is kept with Neumaier compensation and shown, like a spreadsheet, to 15 significant
 * digits: an integer when it is one, so {@code 0.1 + 0.2} is {@code 0.3} and {@code 1430 + 5942.2}
 * is {@code 7372.2}.
 */
final class SummaryAccumulator {

    private static final MathContext SPREADSHEET_PRECISION = new MathContext(15);

    private final ChunkSummary summary;
    private final String[] outputs;
    private final double[] sums;
    private final double[] compensations;
    private final String[] poisons;

    SummaryAccumulator(ChunkSummary summary) {
        this.summary = summary;
        int n = summary.aggregations().size();
        this.outputs = new String[n];
        for (int i = 0; i < n; i++) {
            outputs[i] = summary.aggregations().get(i).outputName();
        }
        this.sums = new double[n];
        this.compensations = new double[n];
        this.poisons = new String[n];
    }

    void add(RecordOutcome outcome) {
        for (int i = 0; i < outputs.length; i++) {
            Object value = outcome.outputs().get(outputs[i]);
            if (value instanceof Number number) {
                addTo(i, number.doubleValue());
            } else if (!summary.ignoreError() && poisons[i] == null) {
                if (ExcelErrors.isError(value)) {
                    poisons[i] = (String) value;
                } else if (value == null && outcome.failed()) {
                    poisons[i] = errorTypeOf(outcome);
                }
            }
        }
    }

    /** {@code summary_output}: {@code [[names], [values]]} inside a list, or {@code [[]]} without a summary. */
    List<Object> summaryOutput() {
        if (!summary.isRequested()) {
            return List.of(List.of());
        }
        List<Object> names = new ArrayList<>(outputs.length);
        List<Object> values = new ArrayList<>(outputs.length);
        for (int i = 0; i < outputs.length; i++) {
            names.add(summary.aggregations().get(i).resultName());
            values.add(poisons[i] != null ? poisons[i] : present(sums[i] + compensations[i]));
        }
        return List.of(List.of(List.copyOf(names), List.copyOf(values)));
    }

    private void addTo(int i, double value) {
        double sum = sums[i];
        double next = sum + value;
        compensations[i] += Math.abs(sum) >= Math.abs(value) ? (sum - next) + value : (value - next) + sum;
        sums[i] = next;
    }

    private static String errorTypeOf(RecordOutcome outcome) {
        for (RecordError error : outcome.errors()) {
            if (ExcelErrors.isError(error.errorType())) {
                return error.errorType();
            }
        }
        return ExcelErrors.NOT_AVAILABLE;
    }

    private static Object present(double sum) {
        if (Double.isNaN(sum) || Double.isInfinite(sum)) {
            return ExcelErrors.NUMBER;
        }
        BigDecimal rounded = new BigDecimal(sum).round(SPREADSHEET_PRECISION).stripTrailingZeros();
        if (rounded.scale() <= 0 && rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && rounded.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
            return rounded.longValueExact();
        }
        return rounded.doubleValue();
    }
}
