package io.sluice.adapters.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("service_versions")
record ServiceVersionRow(@Id UUID id, String tenant, UUID serviceId, String folder, String name, int major, int minor,
                         int patch, @Nullable Instant effectiveStart, @Nullable Instant effectiveEnd, Instant publishedAt,
                         String publishedBy, @Nullable Instant retiredAt, String fileName, long fileSize,
                         String schemaJson) {
}
