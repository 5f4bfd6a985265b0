package io.sluice.adapters.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

@MappedEntity("service_workbooks")
record ServiceWorkbookRow(@Id UUID versionId, String tenant, byte[] content) {
}
