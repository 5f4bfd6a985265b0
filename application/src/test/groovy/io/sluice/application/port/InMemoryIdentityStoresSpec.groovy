package io.sluice.application.port

import io.sluice.application.port.fake.InMemoryApiKeyRepository
import io.sluice.application.port.fake.InMemoryLoginAttempts
import io.sluice.application.port.fake.InMemorySigningKeyRepository
import io.sluice.application.port.fake.InMemoryTenantRepository
import io.sluice.application.port.fake.InMemoryUserRepository

class InMemoryIdentityStoresSpec extends IdentityStoresContract {

    final tenants = new InMemoryTenantRepository()
    final users = new InMemoryUserRepository()
    final apiKeys = new InMemoryApiKeyRepository()
    final signingKeys = new InMemorySigningKeyRepository()
    final loginAttempts = new InMemoryLoginAttempts()

    TenantRepository tenants() { tenants }

    UserRepository users() { users }

    ApiKeyRepository apiKeys() { apiKeys }

    SigningKeyRepository signingKeys() { signingKeys }

    LoginAttempts loginAttempts() { loginAttempts }
}
