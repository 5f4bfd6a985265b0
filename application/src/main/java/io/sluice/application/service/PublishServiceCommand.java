package io.sluice.application.service;

import io.sluice.domain.service.SemanticVersion;
import io.sluice.domain.service.ServicePath;
import io.sluice.domain.service.VersionBump;
import io.sluice.domain.tenant.Caller;

import java.time.Instant;
import java.util.Objects;

/**
 * Publish {@code workbook} as a new version of {@code path}: either the explicit {@code version}
 * or the newest existing version bumped by {@code bump} (1.0.0 for a first publication).
 */
public record PublishServiceCommand(Caller caller, ServicePath path, String fileName, byte[] workbook,
                                    SemanticVersion version, VersionBump bump, Instant effectiveStart,
                                    Instant effectiveEnd) {

    public static final int MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

    public PublishServiceCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(path, "folder and service are required");
        if (workbook == null || workbook.length == 0) {
            throw new IllegalArgumentException("file is required: the .xlsx workbook to publish");
        }
        if (workbook.length > MAX_WORKBOOK_BYTES) {
            throw new IllegalArgumentException("the workbook is larger than " + MAX_WORKBOOK_BYTES / (1024 * 1024) + " MB");
        }
        if (version != null && bump != null) {
            throw new IllegalArgumentException("give either version or versioning, not both");
        }
        bump = version == null && bump == null ? VersionBump.MINOR : bump;
        fileName = fileName == null || fileName.isBlank() ? path.name() + ".xlsx" : fileName;
        if (effectiveStart != null && effectiveEnd != null && !effectiveEnd.isAfter(effectiveStart)) {
            throw new IllegalArgumentException("effective_end must be after effective_start");
        }
    }

    /**
     * Builds a command from the text of a multipart form.
     *
     * @throws IllegalArgumentException naming the field that is malformed
     */
    public static PublishServiceCommand of(Caller caller, String folder, String service, String fileName, byte[] workbook,
                                           String version, String versioning, String effectiveStart, String effectiveEnd) {
        if (folder == null || folder.isBlank() || service == null || service.isBlank()) {
            throw new IllegalArgumentException("folder and service are required");
        }
        return new PublishServiceCommand(caller, new ServicePath(folder.trim(), service.trim()), fileName, workbook,
                version == null || version.isBlank() ? null : SemanticVersion.parse(version),
                versioning == null || versioning.isBlank() ? null : VersionBump.parse(versioning),
                instant("effective_start", effectiveStart), instant("effective_end", effectiveEnd));
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z", e);
        }
    }
}
