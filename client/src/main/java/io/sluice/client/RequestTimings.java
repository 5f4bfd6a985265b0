package io.sluice.client;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * How long every HTTP exchange with Sluice took, by kind of call, as this client saw it (each
 * attempt counts on its own, so a retried call is two exchanges). Thread-safe; the histograms
 * keep three significant digits from a microsecond to ten minutes.
 */
public final class RequestTimings {

    /** The kinds of call a client makes. */
    public enum Call {
        CREATE_BATCH("create batch"),
        SUBMIT_CHUNKS("post chunks"),
        STATUS("status"),
        CHUNK_RESULTS("chunk results"),
        CHANGE_STATUS("close or cancel"),
        READ("read"),
        EXECUTE("execute"),
        PUBLISH("publish");

        private final String label;

        Call(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Latency percentiles of one kind of call. */
    public record Latency(long count, Duration p50, Duration p99, Duration max) {
    }

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Map<Call, ConcurrentHistogram> histograms = new EnumMap<>(Call.class);

    public RequestTimings() {
        for (Call call : Call.values()) {
            histograms.put(call, new ConcurrentHistogram(1, HIGHEST_MICROS, 3));
        }
    }

    void record(Call call, long nanos) {
        long micros = Math.max(1, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        histograms.get(call).recordValue(micros);
    }

    /** The percentiles of {@code call}, or empty when it was never made. */
    public Optional<Latency> latency(Call call) {
        ConcurrentHistogram h = histograms.get(call);
        if (h.getTotalCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Latency(h.getTotalCount(), micros(h.getValueAtPercentile(50)),
                micros(h.getValueAtPercentile(99)), micros(h.getMaxValue())));
    }

    private static Duration micros(long value) {
        return Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(value));
    }
}
