package io.sluice.domain.service;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule that picks the version a reference means. Retired versions are never chosen. An exact
 * version ({@code [1.4.3]}) is taken whatever its effective window, since the caller named it;
 * otherwise the newest matching version effective at the given instant wins: the request's
 * {@code version_by_timestamp} when it has one, else now.
 */
public final class VersionChoice {

    private VersionChoice() {
    }

    public static Optional<ServiceVersion> newest(Collection<ServiceVersion> versions, VersionPattern pattern,
                                                  Instant at) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(at, "at");
        return versions.stream()
                .filter(v -> !v.isRetired())
                .filter(v -> pattern.matches(v.version()))
                .filter(v -> pattern.isExact() || v.isEffectiveAt(at))
                .max(Comparator.comparing(ServiceVersion::version));
    }

    /** The version a new publication gets: the requested one, or the newest existing one bumped. */
    public static SemanticVersion nextVersion(Collection<ServiceVersion> existing, VersionBump bump) {
        return existing.stream().map(ServiceVersion::version).max(Comparator.naturalOrder())
                .map(newest -> newest.next(bump)).orElse(SemanticVersion.FIRST);
    }
}
