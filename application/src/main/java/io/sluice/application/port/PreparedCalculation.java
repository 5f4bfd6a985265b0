package io.sluice.application.port;

import io.sluice.domain.service.ServiceSchema;

import java.util.List;

/**
 * One service version, prepared for evaluation: immutable and safe to share between threads.
 * It never evaluates anything itself; every thread asks it for its own {@link RecordEvaluator}.
 */
public interface PreparedCalculation {

    CalculationKey key();

    /** Inputs and outputs, in the workbook's order. */
    ServiceSchema schema();

    default List<String> inputNames() {
        return schema().inputNames();
    }

    default List<String> outputNames() {
        return schema().outputNames();
    }

    /** An estimate of the memory this calculation holds, which the engine's cache budget counts. */
    long estimatedBytes();

    /**
     * A new evaluator for the calling thread. Cheap compared with preparing, but not free (it
     * copies the input cells): keep one per worker thread and reuse it for every record.
     */
    RecordEvaluator newEvaluator();
}
