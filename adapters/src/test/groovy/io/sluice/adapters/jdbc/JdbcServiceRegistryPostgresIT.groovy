package io.sluice.adapters.jdbc

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import io.sluice.application.port.ServiceRegistry
import io.sluice.application.service.ServiceRegistryContract
import jakarta.inject.Inject
import spock.lang.Shared

/** The JDBC registry passes the registry contract on PostgreSQL, in a schema of its own. */
@MicronautTest(startApplication = false, transactional = false)
class JdbcServiceRegistryPostgresIT extends ServiceRegistryContract implements TestPropertyProvider {

    @Shared
    String schema = SpecDatabase.schemaName('registry')

    @Inject
    ServiceRegistry registry

    @Override
    ServiceRegistry registry() {
        registry
    }

    @Override
    Map<String, String> getProperties() {
        SpecDatabase.postgres(schema)
    }

    def cleanupSpec() {
        SpecDatabase.drop(schema)
    }
}
