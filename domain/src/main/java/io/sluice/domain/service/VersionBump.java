package io.sluice.domain.service;

import java.util.Locale;

/** Which part of the version a new publication increments ({@code versioning=major|minor|patch}). */
public enum VersionBump {
    MAJOR, MINOR, PATCH;

    /** The bump named {@code text}, case-insensitively; {@link #MINOR} when none is named. */
    public static VersionBump parse(String text) {
        if (text == null || text.isBlank()) {
            return MINOR;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("versioning must be major, minor or patch: " + text, e);
        }
    }
}
