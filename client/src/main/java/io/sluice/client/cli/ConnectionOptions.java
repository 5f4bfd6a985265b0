package io.sluice.client.cli;

import io.sluice.client.Connection;
import io.sluice.client.Credentials;
import io.sluice.client.SluiceClient;
import java.net.URI;
import picocli.CommandLine.Option;

/** Where Sluice is and who calls it: flags, else the SLUICE_* environment variables. */
final class ConnectionOptions {

    @Option(names = "--url", defaultValue = "${env:SLUICE_URL:-http://localhost:8080}",
            description = "Sluice's base URL (env SLUICE_URL; default ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--tenant", defaultValue = "${env:SLUICE_TENANT:-demo}",
            description = "Tenant (env SLUICE_TENANT; default ${DEFAULT-VALUE}).")
    String tenant;

    @Option(names = "--api-key", defaultValue = "${env:SLUICE_API_KEY}",
            description = "API key, sent as x-synthetic-key with x-tenant-name (env SLUICE_API_KEY).")
    String apiKey;

    @Option(names = "--token", defaultValue = "${env:SLUICE_TOKEN}",
            description = "Bearer token, used when no API key is given (env SLUICE_TOKEN).")
    String token;

    Connection connection() {
        return new Connection(URI.create(url), tenant, credentials());
    }

    SluiceClient client() {
        return new SluiceClient(connection());
    }

    private Credentials credentials() {
        if (apiKey != null && !apiKey.isBlank()) {
            return new Credentials.ApiKey(apiKey);
        }
        if (token != null && !token.isBlank()) {
            return new Credentials.BearerToken(token);
        }
        return new Credentials.None();
    }
}
