package io.sluice.application.chunk;

import java.util.List;

/**
 * {@code data.summary} of a chunk: the outputs to sum over the chunk's records and whether an
 * erroring record is skipped ({@code ignore_error: true}) or poisons the sum (Excel's
 * {@code SUM(1,#N/A)}). Only {@code SUM} exists.
 */
public record SummarySpec(boolean ignoreError, List<String> sumOf) {

    public static final SummarySpec NONE = new SummarySpec(false, List.of());

    public SummarySpec {
        sumOf = List.copyOf(sumOf);
    }

    public boolean isEmpty() {
        return sumOf.isEmpty();
    }
}
