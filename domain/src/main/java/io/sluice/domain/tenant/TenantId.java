package io.sluice.domain.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a tenant, as it appears in every API path ({@code /{tenant}/api/v4/...}).
 * Every command and every port method that touches tenant data carries one, never null.
 */
public record TenantId(String value) {

    private static final Pattern LEGAL = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public TenantId {
        Objects.requireNonNull(value, "tenant");
        if (!LEGAL.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "tenant must be 1-63 lower-case letters, digits or '-', starting with a letter or digit: " + value);
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
