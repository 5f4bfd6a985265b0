package io.sluice.application.identity

import io.sluice.application.port.fake.InMemoryApiKeyRepository
import io.sluice.application.port.fake.InMemoryTenantRepository
import io.sluice.application.port.fake.InMemoryLoginAttempts
import io.sluice.application.port.fake.InMemoryUserRepository
import io.sluice.application.port.fake.SettableClock
import io.sluice.application.port.fake.ReversingPasswordHasher
import io.sluice.application.port.fake.SettableClock
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.time.Duration

class BootstrapTenantSpec extends Specification {

    static final demo = TenantId.of('demo')

    final tenants = new InMemoryTenantRepository()
    final users = new InMemoryUserRepository()
    final keys = new InMemoryApiKeyRepository()
    final hasher = new ReversingPasswordHasher()
    final clock = new SettableClock()
    final bootstrap = new BootstrapTenant(tenants, users, keys, hasher, clock)
    final login = new Login(users, hasher, new InMemoryLoginAttempts(), new SettableClock())
    final recent = new RecentApiKeys(Duration.ofSeconds(5), clock)
    final authenticate = new AuthenticateApiKey(keys, clock, recent)

    def 'a first start without chosen secrets generates both and returns them once'() {
        when:
        def created = bootstrap.bootstrap(new BootstrapTenantCommand(demo, null, null)).get()

        then:
        tenants.exists(demo)
        created.generatedPassword().isPresent()
        created.generatedApiKey().get().startsWith('sk_sluice_')
        login.login(new LoginCommand(demo, 'admin', created.generatedPassword().get())).get().isSupervisor()
        authenticate.authenticate(new AuthenticateApiKeyCommand(created.generatedApiKey().get(), 'demo')).get().isSupervisor()
    }

    def 'chosen secrets are used and never returned'() {
        when:
        def created = bootstrap.bootstrap(new BootstrapTenantCommand(demo, 'chosen-password', 'sk_sluice_chosen_key_000000000000')).get()

        then:
        created.generatedPassword().isEmpty()
        created.generatedApiKey().isEmpty()
        login.login(new LoginCommand(demo, 'admin', 'chosen-password')).isPresent()
        authenticate.authenticate(new AuthenticateApiKeyCommand('sk_sluice_chosen_key_000000000000', 'demo')).isPresent()
    }

    def 'a restart changes nothing and returns nothing'() {
        given:
        def first = bootstrap.bootstrap(new BootstrapTenantCommand(demo, null, null)).get()

        when:
        def second = bootstrap.bootstrap(new BootstrapTenantCommand(demo, 'another-password', null))

        then:
        second.isEmpty()
        keys.keys.size() == 1
        login.login(new LoginCommand(demo, 'admin', first.generatedPassword().get())).isPresent()
        login.login(new LoginCommand(demo, 'admin', 'another-password')).isEmpty()
    }

    def 'chosen secrets must not be trivially short'() {
        when:
        new BootstrapTenantCommand(demo, password, key)

        then:
        thrown(IllegalArgumentException)

        where:
        password | key
        'short'  | null
        null     | 'sk_short'
    }
}
