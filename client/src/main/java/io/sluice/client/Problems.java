package io.sluice.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Turns an error answer (application/problem+json, or anything else) into an exception. */
final class Problems {

    private Problems() {
    }

    static SluiceApiException toException(HttpResponse<byte[]> response, ObjectMapper json) {
        int status = response.statusCode();
        String code = "http_" + status;
        String detail = new String(response.body(), StandardCharsets.UTF_8);
        try {
            JsonNode problem = json.readTree(response.body());
            if (problem != null && problem.isObject()) {
                code = problem.path("code").asText(code);
                detail = problem.hasNonNull("detail") ? problem.get("detail").asText()
                        : problem.path("title").asText(detail);
            }
        } catch (java.io.IOException notJson) {
            detail = detail.length() > 200 ? detail.substring(0, 200) : detail;
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").map(Problems::retryAfter).orElse(null);
        return new SluiceApiException(status, code, detail, retryAfter);
    }

    /** {@code Retry-After} is either delay seconds or an HTTP date. */
    static Duration retryAfter(String value) {
        String text = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
