package io.sluice.application.port;

import io.sluice.domain.service.ServiceSchema;

import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Evaluates published workbooks. A version is prepared once (parsed, its names classified, its
 * formulas kept in parsed form) into an immutable {@link PreparedCalculation} shared read-only by
 * every thread; each thread evaluates on its own {@link RecordEvaluator}.
 *
 * <p>Prepared calculations are cached, keyed by {@link CalculationKey} (tenant and version), and
 * evicted least-recently-used when their estimated memory exceeds the engine's budget. Eviction
 * never disturbs a caller that still holds a prepared calculation or its evaluators.
 *
 * <p><b>Threads.</b> Formula chains are evaluated recursively: a chain thousands of cells deep needs
 * a stack of several megabytes. Run evaluations on threads made by {@link #workerThreadFactory}.
 * On a thread with a small stack a deep chain fails that one record with a processing error; it
 * never fails the thread or its neighbours.
 */
public interface CalculationEngine {

    /** The engine's name and version, reported as {@code compiler_version} (e.g. {@code Sluice-Excel_v1.0.0}). */
    String compilerVersion();

    /**
     * Reads and validates a workbook offered for publication and returns its schema: inputs and
     * outputs are the defined names {@code Xinput_<name>} / {@code Xoutput_<name>}. Before it
     * accepts, the engine evaluates the workbook with its default inputs and compares every formula
     * with the value Excel cached in the file.
     *
     * @throws InvalidWorkbookException listing every problem found (not a workbook, no inputs or
     *                                  outputs, an illegal name, external links, functions the engine
     *                                  cannot evaluate, formulas that fail, cells that disagree with
     *                                  Excel's cached values)
     */
    ServiceSchema inspect(byte[] workbook);

    /**
     * The prepared calculation of one version. The first call for a key reads the workbook from
     * {@code workbook} and prepares it (concurrent first calls prepare it once); later calls return
     * the cached calculation without calling {@code workbook} until it is evicted.
     *
     * @param workbook supplies the published workbook's bytes; may throw (for a version not found),
     *                 and its exception reaches the caller unchanged
     * @throws InvalidWorkbookException when the stored workbook cannot be prepared
     */
    PreparedCalculation prepare(CalculationKey key, Supplier<byte[]> workbook);

    /**
     * Makes daemon threads with a stack large enough for deep formula chains; the batch pipeline's
     * workers and any other thread that evaluates records should be made by it.
     */
    ThreadFactory workerThreadFactory(String namePrefix);
}
