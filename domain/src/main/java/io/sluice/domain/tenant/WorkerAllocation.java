package io.sluice.domain.tenant;

import io.sluice.domain.batch.BatchId;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a tenant's worker pool is shared out among its batches at one moment; recomputed whenever
 * demand changes.
 *
 * <p>Rules: no batch gets more than it can use now or more than its {@code max_workers}. First every
 * batch gets up to its {@code initial_workers}; then the rest of the pool grows the batches
 * max-min fairly (the batch with the fewest workers grows first), so competing batches end up with
 * equal shares unless one needs less. When the pool cannot give every batch its initial workers,
 * those are shared out fairly too. Remainders go to the batches earlier in the list (admission order).
 * The total never exceeds the pool.
 */
public final class WorkerAllocation {

    private final Map<BatchId, Integer> workers;

    private WorkerAllocation(Map<BatchId, Integer> workers) {
        this.workers = Collections.unmodifiableMap(workers);
    }

    /**
     * @param pool    the tenant's worker pool
     * @param demands one per batch, in admission order
     */
    public static WorkerAllocation allocate(int pool, List<WorkerDemand> demands) {
        if (pool < 0) {
            throw new IllegalArgumentException("a worker pool cannot be negative");
        }
        int n = demands.size();
        int[] caps = new int[n];
        int[] initial = new int[n];
        for (int i = 0; i < n; i++) {
            caps[i] = demands.get(i).cap();
            initial[i] = Math.min(demands.get(i).initialWorkers(), caps[i]);
        }
        int[] started = fill(new int[n], initial, pool);
        int[] grown = fill(started, caps, pool);
        Map<BatchId, Integer> result = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            result.put(demands.get(i).batch(), grown[i]);
        }
        return new WorkerAllocation(result);
    }

    /** Workers given to {@code batch}; 0 for a batch not in the allocation. */
    public int workersFor(BatchId batch) {
        return workers.getOrDefault(batch, 0);
    }

    /** All workers given out: {@code workers_in_use} of the tenant. */
    public int workersInUse() {
        return workers.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<BatchId, Integer> asMap() {
        return workers;
    }

    /**
     * Water-filling: raises every allocation towards a common level, each between its floor and its
     * cap, to the highest level the pool affords; units left below the next level go in list order.
     */
    private static int[] fill(int[] floors, int[] caps, int pool) {
        int n = floors.length;
        long wanted = 0;
        int top = 0;
        for (int i = 0; i < n; i++) {
            wanted += caps[i];
            top = Math.max(top, caps[i]);
        }
        if (wanted <= pool) {
            return caps.clone();
        }
        int low = 0;
        int high = top;
        while (low < high) {
            int level = (int) (((long) low + high + 1) / 2);
            if (total(floors, caps, level) <= pool) {
                low = level;
            } else {
                high = level - 1;
            }
        }
        int[] result = new int[n];
        long left = pool;
        for (int i = 0; i < n; i++) {
            result[i] = clamp(low, floors[i], caps[i]);
            left -= result[i];
        }
        for (int i = 0; i < n && left > 0; i++) {
            if (result[i] == low && result[i] < caps[i]) {
                result[i]++;
                left--;
            }
        }
        return result;
    }

    private static long total(int[] floors, int[] caps, int level) {
        long sum = 0;
        for (int i = 0; i < floors.length; i++) {
            sum += clamp(level, floors[i], caps[i]);
        }
        return sum;
    }

    private static int clamp(int level, int floor, int cap) {
        return Math.max(floor, Math.min(level, cap));
    }
}
