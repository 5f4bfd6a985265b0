package io.sluice.adapters.rest;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The head of the OpenAPI document that micronaut-openapi writes from the controllers at compile
 * time ({@code META-INF/swagger/sluice.yml}, served at {@code /swagger/sluice.yml} with Swagger UI at
 * {@code /swagger-ui/}). Every operation needs one of two credentials: an API key sent as the pair
 * {@code x-synthetic-key} + {@code x-tenant-name}, or a bearer token from {@code POST /login}. That
 * pair cannot be stated with annotations, so the document-wide requirement (and the exemption of
 * {@code POST /login}) comes from {@code src/main/openapi/security.yml}, merged in by the processor.
 */
@OpenAPIDefinition(
        info = @Info(title = "Sluice", version = "4",
                description = "Batch API v4 and services of Sluice, a multi-tenant batch calculation platform. "
                        + "Every path but POST /login needs credentials: an API key (x-synthetic-key together with "
                        + "x-tenant-name) or a bearer token. Errors are application/problem+json with a stable code.",
                license = @License(name = "Proprietary")),
        tags = {
            @Tag(name = "batch", description = "Batch API v4: batches, chunks in, results out"),
            @Tag(name = "services", description = "Published workbooks (services), their versions and schemas"),
            @Tag(name = "execute", description = "Synchronous evaluation of a few records"),
            @Tag(name = "apikeys", description = "API keys of the tenant (supervisors)"),
            @Tag(name = "login", description = "Bearer tokens for people and scripts")
        })
@SecuritySchemes({
    @SecurityScheme(name = ApiDocumentation.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
            paramName = "x-synthetic-key", description = "An API key (sk_sluice_...); send x-tenant-name with it"),
    @SecurityScheme(name = ApiDocumentation.TENANT, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
            paramName = "x-tenant-name", description = "The tenant the API key belongs to"),
    @SecurityScheme(name = ApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
            bearerFormat = "JWT", description = "A token from POST /login or the configured identity provider")
})
public final class ApiDocumentation {

    public static final String API_KEY = "apiKey";
    public static final String TENANT = "tenantName";
    public static final String BEARER = "bearer";

    private ApiDocumentation() {
    }
}
