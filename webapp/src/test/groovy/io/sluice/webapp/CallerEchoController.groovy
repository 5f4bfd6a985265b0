package io.sluice.webapp

import io.micronaut.context.annotation.Requires
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.http.annotation.PathVariable
import io.micronaut.security.annotation.Secured
import io.micronaut.security.rules.SecurityRule
import io.sluice.domain.tenant.Caller

/** Tenant-scoped endpoints for the security specs: they answer who the bound caller is. */
@Requires(env = 'test')
@Controller('/{tenant}/api/v4')
@Secured(SecurityRule.IS_AUTHENTICATED)
class CallerEchoController {

    /** Forgets to bind the caller, as a careless controller might. */
    @Get('/test-no-caller')
    Map<String, Object> tenantOnly(@PathVariable String tenant) {
        [tenant: tenant]
    }

    @Get('/test-caller')
    Map<String, Object> echo(Caller caller) {
        [tenant: caller.tenant().value(), name: caller.name(), roles: caller.roles().sort(), supervisor: caller.isSupervisor()]
    }
}
