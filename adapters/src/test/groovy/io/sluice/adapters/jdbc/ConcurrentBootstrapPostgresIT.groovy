package io.sluice.adapters.jdbc

import io.sluice.application.identity.BootstrapTenant
import io.sluice.application.identity.BootstrapTenantCommand
import io.sluice.application.port.fake.ReversingPasswordHasher
import io.sluice.application.port.fake.SettableClock
import io.sluice.domain.tenant.TenantId
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors

class ConcurrentBootstrapPostgresIT extends Specification {

    @Shared
    @AutoCleanup
    TestDatabase database = TestDatabase.postgres()

    def 'nodes starting together on one database bootstrap the tenant once'() {
        given:
        def nodes = 4
        def barrier = new CyclicBarrier(nodes)
        def pool = Executors.newFixedThreadPool(nodes)
        def bootstrap = {
            new BootstrapTenant(new JdbcTenantRepository(database.dataSource()), new JdbcUserRepository(database.dataSource()),
                    new JdbcApiKeyRepository(database.dataSource()), new ReversingPasswordHasher(), new SettableClock())
        }

        when:
        def results = pool.invokeAll((1..nodes).collect { node ->
            { ->
                def useCase = bootstrap()
                barrier.await()
                useCase.bootstrap(new BootstrapTenantCommand(TenantId.of('demo'), null, null))
            } as Callable
        })*.get()

        then:
        results.count { it.isPresent() } == 1
        new JdbcApiKeyRepository(database.dataSource()).list(TenantId.of('demo')).size() == 1

        cleanup:
        pool.shutdown()
    }
}
