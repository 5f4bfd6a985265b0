package io.sluice.domain.record;

import java.util.Collection;
import java.util.List;

/**
 * A chunk's {@code data.summary}: aggregates over its records' outputs, computed per chunk.
 *
 * @param ignoreError  false (the default) makes an erroring record poison an aggregate, as in a
 *                     spreadsheet {@code SUM(1, #N/A)} is {@code #N/A}; true leaves such records out
 * @param aggregations what to aggregate; a summary without any counts as no summary
 */
public record ChunkSummary(boolean ignoreError, List<Aggregation> aggregations) {

    private static final ChunkSummary NONE = new ChunkSummary(false, List.of());

    public ChunkSummary {
        aggregations = List.copyOf(aggregations);
    }

    /** No {@code data.summary} was sent. */
    public static ChunkSummary none() {
        return NONE;
    }

    public boolean isRequested() {
        return !aggregations.isEmpty();
    }

    /**
     * @throws IllegalArgumentException naming the first aggregated output the service does not have
     */
    public void requireOutputsIn(Collection<String> serviceOutputs) {
        for (Aggregation aggregation : aggregations) {
            if (!serviceOutputs.contains(aggregation.outputName())) {
                throw new IllegalArgumentException("data.summary aggregates '" + aggregation.outputName()
                        + "', which is not an output of the service");
            }
        }
    }
}
