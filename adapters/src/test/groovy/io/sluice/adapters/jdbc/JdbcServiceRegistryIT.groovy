package io.sluice.adapters.jdbc

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import io.sluice.application.port.ServiceRegistry
import io.sluice.application.service.ServiceRegistryContract
import jakarta.inject.Inject

/** The JDBC registry passes the registry contract on H2 in PostgreSQL mode. */
@MicronautTest(startApplication = false, transactional = false)
class JdbcServiceRegistryIT extends ServiceRegistryContract implements TestPropertyProvider {

    @Inject
    ServiceRegistry registry

    @Override
    ServiceRegistry registry() {
        registry
    }

    @Override
    Map<String, String> getProperties() {
        SpecDatabase.h2('registry')
    }
}
