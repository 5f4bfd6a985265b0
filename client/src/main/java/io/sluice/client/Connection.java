package io.sluice.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where Sluice answers and as whom: the base URL (scheme, host, port and an optional path
 * prefix), the tenant and the credentials. Every API path lives under
 * {@code {baseUrl}/{tenant}/api/v4}.
 */
public record Connection(URI baseUrl, String tenant, Credentials credentials) {

    public Connection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("the tenant is empty");
        }
        if (baseUrl.getScheme() == null || !baseUrl.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("the Sluice URL must be http(s): " + baseUrl);
        }
        String text = baseUrl.toString();
        baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The absolute URI of {@code path} (starting with {@code /}) under the tenant's API v4 root. */
    public URI api(String path) {
        String tenantSegment = URLEncoder.encode(tenant, StandardCharsets.UTF_8);
        return URI.create(baseUrl + "/" + tenantSegment + "/api/v4" + path);
    }
}
