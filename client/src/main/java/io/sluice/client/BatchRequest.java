package io.sluice.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /batch}: the service URI, the outputs to keep (names or regular
 * expressions), the record key column, and optional tracing fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchRequest(
        String service,
        List<String> output,
        String uniqueRecordKey,
        String sourceSystem,
        String callPurpose,
        String correlationId) {

    public BatchRequest {
        Objects.requireNonNull(service, "service");
        if (service.isBlank()) {
            throw new IllegalArgumentException("the service is empty");
        }
        output = output == null || output.isEmpty() ? null : List.copyOf(output);
    }

    public static BatchRequest of(String service, List<String> output, String uniqueRecordKey) {
        return new BatchRequest(service, output, uniqueRecordKey, "sluice-cli", null, null);
    }
}
