package io.sluice.domain.service;

import java.util.regex.Pattern;

/**
 * Which versions a service reference accepts: every version ({@code folder/name}), every
 * {@code 1.x.x} ({@code [1]}), every {@code 1.4.x} ({@code [1.4]}) or exactly one ({@code [1.4.3]}).
 * A null part means "any".
 */
public record VersionPattern(Integer major, Integer minor, Integer patch) {

    private static final VersionPattern ANY = new VersionPattern(null, null, null);
    private static final Pattern TEXT = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,2}");

    public VersionPattern {
        if ((major == null && minor != null) || (minor == null && patch != null)) {
            throw new IllegalArgumentException("a version pattern names its parts from the left");
        }
    }

    public static VersionPattern any() {
        return ANY;
    }

    public static VersionPattern exactly(SemanticVersion version) {
        return new VersionPattern(version.major(), version.minor(), version.patch());
    }

    /** {@code 1}, {@code 1.4} or {@code 1.4.3}. */
    public static VersionPattern parse(String text) {
        if (text == null || !TEXT.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("a version selector is 1, 1.4 or 1.4.3: " + text);
        }
        String[] parts = text.trim().split("\\.");
        return new VersionPattern(Integer.valueOf(parts[0]),
                parts.length > 1 ? Integer.valueOf(parts[1]) : null,
                parts.length > 2 ? Integer.valueOf(parts[2]) : null);
    }

    /** True when the pattern names one version exactly. */
    public boolean isExact() {
        return patch != null;
    }

    public boolean matches(SemanticVersion version) {
        return (major == null || major == version.major())
                && (minor == null || minor == version.minor())
                && (patch == null || patch == version.patch());
    }

    @Override
    public String toString() {
        if (major == null) {
            return "";
        }
        return major + (minor == null ? "" : "." + minor) + (patch == null ? "" : "." + patch);
    }
}
