package io.sluice.application.port.fake

import io.sluice.application.port.LoginAttempts
import io.sluice.domain.identity.FailedLogins
import io.sluice.domain.tenant.TenantId

import java.time.Instant
import java.util.concurrent.ConcurrentHashMap

class InMemoryLoginAttempts implements LoginAttempts {

    private final Map<List<String>, FailedLogins> failures = new ConcurrentHashMap<>()

    @Override
    Optional<FailedLogins> failures(TenantId tenant, String username) {
        Optional.ofNullable(failures[[tenant.value(), username]])
    }

    @Override
    FailedLogins recordFailure(TenantId tenant, String username, Instant at) {
        failures.compute([tenant.value(), username]) { key, old ->
            new FailedLogins((old?.count() ?: 0) + 1, old == null || at.isAfter(old.last()) ? at : old.last())
        }
    }

    @Override
    void clear(TenantId tenant, String username) {
        failures.remove([tenant.value(), username])
    }

    @Override
    int forgetBefore(Instant before) {
        def old = failures.findAll { key, value -> value.last().isBefore(before) }.keySet()
        old.each { failures.remove(it) }
        old.size()
    }
}
