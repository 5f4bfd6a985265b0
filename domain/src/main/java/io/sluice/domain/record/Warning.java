package io.sluice.domain.record;

/** A per-record warning, such as an input left out and given its default. */
public record Warning(String sourcePath, String message) {
}
