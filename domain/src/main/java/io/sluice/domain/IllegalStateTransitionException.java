package io.sluice.domain;

import java.util.Locale;

/**
 * A named transition was asked of an aggregate whose status does not allow it. Both statuses are
 * named, in their wire form, so that the message tells a client exactly what was refused.
 */
public final class IllegalStateTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String subject;
    private final Enum<?> from;
    private final Enum<?> to;

    /**
     * @param subject what changes status, such as {@code batch} or {@code chunk}
     * @param from    the status the aggregate is in
     * @param to      the status that was asked for
     */
    public IllegalStateTransitionException(String subject, Enum<?> from, Enum<?> to) {
        super("a " + subject + " cannot go from " + wireName(from) + " to " + wireName(to));
        this.subject = subject;
        this.from = from;
        this.to = to;
    }

    public String subject() {
        return subject;
    }

    public Enum<?> from() {
        return from;
    }

    public Enum<?> to() {
        return to;
    }

    /** The lower-case form every status has on the wire, e.g. {@code closed_by_timeout}. */
    public static String wireName(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
