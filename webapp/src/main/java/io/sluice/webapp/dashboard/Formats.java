package io.sluice.webapp.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers, sizes, times and durations as people read them, for the templates ({@code fmt}):
 * thousands separators, MB, UTC times to the second, "2 min 5 s".
 */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** {@code 1234567} as {@code 1,234,567}; a blank for null. */
    public String count(Number value) {
        return value == null ? "" : String.format(Locale.ENGLISH, "%,d", value.longValue());
    }

    /** A rate such as {@code 12,345/s}, or an en dash when there is none yet. */
    public String rate(Number perSecond) {
        return perSecond == null || perSecond.doubleValue() <= 0 ? "–"
                : String.format(Locale.ENGLISH, "%,.0f/s", perSecond.doubleValue());
    }

    /** Bytes in B, kB, MB or GB (powers of 1000, as batch buffers are sized: 70 MB is 70,000,000 bytes), one decimal from kB on. */
    public String bytes(Number value) {
        if (value == null) {
            return "";
        }
        double bytes = value.doubleValue();
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int unit = 0;
        while (bytes >= 1000 && unit < units.length - 1) {
            bytes /= 1000;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ENGLISH, "%,.0f B", bytes)
                : String.format(Locale.ENGLISH, "%,.1f %s", bytes, units[unit]);
    }

    /** A percentage with no decimals, {@code 0 %} for a zero denominator. */
    public String percent(Number part, Number whole) {
        if (part == null || whole == null || whole.doubleValue() <= 0) {
            return "0 %";
        }
        return String.format(Locale.ENGLISH, "%.0f %%", 100.0 * part.doubleValue() / whole.doubleValue());
    }

    /** An instant in UTC, to the second; an en dash for null. */
    public String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant);
    }

    /** A duration such as {@code 850 ms}, {@code 42 s}, {@code 3 min 5 s} or {@code 2 h 4 min}; an en dash for null. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** The time between two instants (the second one null: until now), as {@link #duration(Duration)}. */
    public String between(Instant from, Instant to) {
        return from == null ? "–" : duration(Duration.between(from, to == null ? Instant.now() : to));
    }
}
