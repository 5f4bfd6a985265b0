package io.sluice.domain.service;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a published service, {@code major.minor.patch}, ordered numerically
 * ({@code 1.10.0} is newer than {@code 1.9.3}).
 */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {

    /** The version a service's first publication gets unless the publisher names one. */
    public static final SemanticVersion FIRST = new SemanticVersion(1, 0, 0);

    private static final Pattern TEXT = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");
    private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
            .thenComparingInt(SemanticVersion::minor).thenComparingInt(SemanticVersion::patch);

    public SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative: " + major + "." + minor + "." + patch);
        }
    }

    /**
     * @throws IllegalArgumentException unless the text is three dot-separated numbers without leading zeros
     */
    public static SemanticVersion parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("a version is major.minor.patch, such as 1.4.3: " + text);
        }
        return new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** The version that follows this one when the publisher asks for a {@code bump} release. */
    public SemanticVersion next(VersionBump bump) {
        return switch (bump) {
            case MAJOR -> new SemanticVersion(major + 1, 0, 0);
            case MINOR -> new SemanticVersion(major, minor + 1, 0);
            case PATCH -> new SemanticVersion(major, minor, patch + 1);
        };
    }

    @Override
    public int compareTo(SemanticVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
