package io.sluice.adapters.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("services")
record ServiceRow(@Id UUID id, String tenant, String folder, String name, Instant createdAt) {
}
