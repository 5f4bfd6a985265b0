package io.sluice.application.port.fake

import io.sluice.application.port.UserRepository
import io.sluice.domain.identity.UserAccount
import io.sluice.domain.tenant.TenantId

import java.util.concurrent.ConcurrentHashMap

/** The user port in memory, for use-case specs. */
class InMemoryUserRepository implements UserRepository {

    final Map<List<Object>, UserAccount> users = new ConcurrentHashMap<>()

    @Override
    boolean add(UserAccount user) {
        users.putIfAbsent([user.tenant(), user.username()], user) == null
    }

    @Override
    Optional<UserAccount> find(TenantId tenant, String username) {
        Optional.ofNullable(users.get([tenant, username]))
    }
}
