package io.sluice.application.service;

import io.sluice.application.port.CalculationEngine;
import io.sluice.application.port.Clock;
import io.sluice.application.port.PreparedCalculation;
import io.sluice.application.port.RecordEvaluator;
import io.sluice.domain.record.RecordOutcome;
import io.sluice.domain.service.ServiceVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Computes a few records synchronously (Execute API v4), on the engine's calculation threads so
 * that deep formula chains have the stack they need. Each record's errors stay its own.
 */
public class ExecuteRecords {

    private final ResolveService resolve;
    private final PrepareCalculation prepare;
    private final CalculationEngine engine;
    private final Clock clock;
    private final ExecutorService calculationThreads;

    public ExecuteRecords(ResolveService resolve, PrepareCalculation prepare, CalculationEngine engine, Clock clock) {
        this.resolve = resolve;
        this.prepare = prepare;
        this.engine = engine;
        this.clock = clock;
        this.calculationThreads = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                engine.workerThreadFactory("execute"));
    }

    /** @throws ServiceNotFoundException when the tenant has no such service or version */
    public ExecuteResult execute(ExecuteCommand command) {
        Instant requested = clock.now();
        ServiceVersion version = resolve.resolve(command.service());
        PreparedCalculation calculation = prepare.prepare(command.caller().tenant(), version.versionId());
        List<String> outputs = command.output().select(calculation.outputNames());
        Set<String> wanted = new LinkedHashSet<>(outputs);
        List<RecordOutcome> outcomes = onCalculationThread(() -> {
            RecordEvaluator evaluator = calculation.newEvaluator();
            List<RecordOutcome> results = new ArrayList<>(command.records().size());
            for (Map<String, Object> record : command.records()) {
                results.add(evaluator.evaluate(record, wanted));
            }
            return results;
        });
        return new ExecuteResult(version, engine.compilerVersion(), UUID.randomUUID(), requested, outputs, outcomes);
    }

    private List<RecordOutcome> onCalculationThread(java.util.concurrent.Callable<List<RecordOutcome>> task) {
        try {
            return calculationThreads.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calculating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the calculation failed: " + e.getCause(), e.getCause());
        }
    }

    /** What one call computed: one outcome per record, in the order given. */
    public record ExecuteResult(ServiceVersion version, String compilerVersion, UUID callId, Instant requestTimestamp,
                                List<String> outputNames, List<RecordOutcome> outcomes) {
    }
}
