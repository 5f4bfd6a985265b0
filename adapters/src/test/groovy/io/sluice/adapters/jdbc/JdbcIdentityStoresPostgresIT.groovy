package io.sluice.adapters.jdbc

import io.sluice.application.port.ApiKeyRepository
import io.sluice.application.port.IdentityStoresContract
import io.sluice.application.port.LoginAttempts
import io.sluice.application.port.SigningKeyRepository
import io.sluice.application.port.TenantRepository
import io.sluice.application.port.UserRepository
import spock.lang.AutoCleanup
import spock.lang.Shared

class JdbcIdentityStoresPostgresIT extends IdentityStoresContract {

    @Shared
    @AutoCleanup
    TestDatabase database = TestDatabase.postgres()

    TenantRepository tenants() { new JdbcTenantRepository(database.dataSource()) }

    UserRepository users() { new JdbcUserRepository(database.dataSource()) }

    ApiKeyRepository apiKeys() { new JdbcApiKeyRepository(database.dataSource()) }

    SigningKeyRepository signingKeys() { new JdbcSigningKeyRepository(database.dataSource()) }

    LoginAttempts loginAttempts() { new JdbcLoginAttempts(database.dataSource()) }
}
