package io.sluice.adapters.rest.batch;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The body of {@code PATCH /batch/{id}}: {@code {"batch_status":"closed"}} or {@code "cancelled"}. */
@Serdeable(naming = SnakeCaseStrategy.class)
record ChangeBatchStatusRequest(String batchStatus) {
}
