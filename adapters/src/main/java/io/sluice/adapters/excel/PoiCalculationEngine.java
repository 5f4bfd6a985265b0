package io.sluice.adapters.excel;

import io.micronaut.context.annotation.Value;
import io.sluice.application.port.CalculationEngine;
import io.sluice.application.port.CalculationKey;
import io.sluice.application.port.InvalidWorkbookException;
import io.sluice.application.port.PreparedCalculation;
import io.sluice.domain.service.ServiceSchema;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The calculation engine on Apache POI's formula evaluator. Each version is frozen once into an
 * immutable master with pre-parsed formulas; each evaluator forks it (docs/adr/0004).
 */
@Singleton
final class PoiCalculationEngine implements CalculationEngine {

    static final String ENGINE_VERSION = "1.0.0";
    private static final long MB = 1024L * 1024L;

    private final PreparedCache cache;
    private final long workerStackBytes;
    private final Kind kind;

    @Inject
    PoiCalculationEngine(@Value("${sluice.engine.cache-budget-mb:512}") long cacheBudgetMb,
                         @Value("${sluice.engine.worker-stack-mb:16}") long workerStackMb,
                         @Value("${sluice.engine.kind:compiled}") String kind) {
        this(new Limits(cacheBudgetMb * MB, workerStackMb * MB), Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
    }

    PoiCalculationEngine(Limits limits) {
        this(limits, Kind.POI);
    }

    PoiCalculationEngine(Limits limits, Kind kind) {
        this.cache = new PreparedCache(limits.cacheBudgetBytes());
        this.workerStackBytes = limits.workerStackBytes();
        this.kind = kind;
    }

    /**
     * How versions are evaluated: {@code COMPILED} compiles each version's formulas into a plan
     * (docs/adr/0006) and leaves to POI only the versions it cannot compile; {@code POI} always
     * evaluates with Apache POI's evaluator on forks of the frozen master.
     */
    enum Kind { COMPILED, POI }

    /** How much memory prepared versions may hold, and how deep a worker's stack is. */
    record Limits(long cacheBudgetBytes, long workerStackBytes) {
        static Limits defaults() {
            return new Limits(512 * MB, 16 * MB);
        }
    }

    @Override
    public String compilerVersion() {
        String compiled = kind == Kind.COMPILED ? "compiled formulas, " : "";
        return "Sluice-Excel_v" + ENGINE_VERSION + " (" + compiled + "Apache POI " + org.apache.poi.Version.getVersion() + ")";
    }

    @Override
    public ServiceSchema inspect(byte[] workbook) {
        return WorkbookInspector.inspect(workbook);
    }

    @Override
    public PreparedCalculation prepare(CalculationKey key, Supplier<byte[]> workbook) {
        return cache.get(key, k -> {
            byte[] bytes = workbook.get();
            WorkbookModel model = WorkbookModel.read(bytes);
            if (model.schema == null || model.inputs.isEmpty() || model.outputs.isEmpty()) {
                throw new InvalidWorkbookException(model.problems);
            }
            if (kind == Kind.COMPILED) {
                PreparedCalculation compiled = CompiledPreparedCalculation.compile(k, model, bytes);
                if (compiled != null) {
                    return compiled;
                }
            }
            return new PoiPreparedCalculation(k, model, bytes.length);
        });
    }

    @Override
    public ThreadFactory workerThreadFactory(String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(null, task, namePrefix + "-" + count.incrementAndGet(), workerStackBytes);
            thread.setDaemon(true);
            return thread;
        };
    }

    PreparedCache cache() {
        return cache;
    }
}
