package io.sluice.adapters.excel;

import io.sluice.application.port.CalculationKey;
import io.sluice.application.port.PreparedCalculation;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Prepared calculations by key, least-recently-used first out once their estimated size exceeds
 * the budget (the most recent one always stays, however large). A key being prepared is prepared
 * once: concurrent callers wait for the same preparation.
 */
final class PreparedCache {

    private final long budgetBytes;
    private final LinkedHashMap<CalculationKey, PreparedCalculation> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<CalculationKey, CompletableFuture<PreparedCalculation>> preparing = new LinkedHashMap<>();
    private long usedBytes;

    PreparedCache(long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("the cache budget must be positive");
        }
        this.budgetBytes = budgetBytes;
    }

    PreparedCalculation get(CalculationKey key, Function<CalculationKey, PreparedCalculation> prepare) {
        CompletableFuture<PreparedCalculation> mine;
        CompletableFuture<PreparedCalculation> theirs;
        synchronized (this) {
            PreparedCalculation cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
            theirs = preparing.get(key);
            mine = theirs == null ? new CompletableFuture<>() : null;
            if (mine != null) {
                preparing.put(key, mine);
            }
        }
        if (theirs != null) {
            return join(theirs);
        }
        try {
            PreparedCalculation prepared = prepare.apply(key);
            synchronized (this) {
                add(key, prepared);
                preparing.remove(key);
            }
            mine.complete(prepared);
            return prepared;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                preparing.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static PreparedCalculation join(CompletableFuture<PreparedCalculation> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private void add(CalculationKey key, PreparedCalculation prepared) {
        PreparedCalculation previous = entries.put(key, prepared);
        if (previous != null) {
            usedBytes -= previous.estimatedBytes();
        }
        usedBytes += prepared.estimatedBytes();
        Iterator<Map.Entry<CalculationKey, PreparedCalculation>> eldest = entries.entrySet().iterator();
        while (usedBytes > budgetBytes && entries.size() > 1) {
            Map.Entry<CalculationKey, PreparedCalculation> victim = eldest.next();
            usedBytes -= victim.getValue().estimatedBytes();
            eldest.remove();
        }
    }

    synchronized boolean contains(CalculationKey key) {
        return entries.containsKey(key);
    }

    synchronized long usedBytes() {
        return usedBytes;
    }
}
