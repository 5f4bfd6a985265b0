package io.sluice.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A batch as {@code POST /batch}, {@code GET /batch/{id}} and {@code PATCH} answer it. */
public record Batch(String object, String id, JsonNode data) {

    /** The batch's status ({@code created}, {@code in_progress}, {@code closed}, ...). */
    public String status() {
        return data == null ? null : data.path("batch_status").asText(null);
    }

    /** The resolved service URI with its version, e.g. {@code samples/SalesExample[1.0.0]}. */
    public String serviceUri() {
        return data == null ? null : data.path("service_uri").asText(null);
    }
}
