package io.sluice.application.batch;

import io.sluice.domain.batch.BatchConfiguration;
import io.sluice.domain.tenant.Caller;

import java.util.Objects;

/** {@code POST /batch}: the service to run and the settings asked for (nulls mean defaults). */
public record CreateBatchCommand(Caller caller, String service, BatchConfiguration.Requested requested) {

    public CreateBatchCommand {
        Objects.requireNonNull(caller, "caller");
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("service is required: folder/name, folder/name[1.4.3] or a UUID");
        }
        Objects.requireNonNull(requested, "requested settings");
    }
}
