package io.sluice.domain.service;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a service is published: its folder and its name, as in {@code samples/SalesExample}.
 * Both are 1-100 characters of letters, digits, {@code _ - space} and must not hold {@code /},
 * brackets or dots, so that every URI form of a service reference stays unambiguous.
 */
public record ServicePath(String folder, String name) {

    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_ \\-]{0,99}");

    public ServicePath {
        check("folder", folder);
        check("service", name);
    }

    private static void check(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!LEGAL.matcher(value).matches() || value.endsWith(" ")) {
            throw new IllegalArgumentException(what + " must be 1-100 letters, digits, '_', '-' or spaces: '" + value + "'");
        }
    }

    /** {@code folder/name[version]}, the {@code service_uri} the APIs report. */
    public String uri(SemanticVersion version) {
        return this + "[" + version + "]";
    }

    @Override
    public String toString() {
        return folder + "/" + name;
    }
}
