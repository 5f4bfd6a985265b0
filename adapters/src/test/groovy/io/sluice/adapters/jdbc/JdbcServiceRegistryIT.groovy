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
        ['datasources.default.url'              : "jdbc:h2:mem:registry-${UUID.randomUUID()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1".toString(),
         'datasources.default.driver-class-name': 'org.h2.Driver',
         'datasources.default.username'         : 'sa',
         'datasources.default.password'         : '',
         'datasources.default.dialect'          : 'POSTGRES',
         'flyway.datasources.default.enabled'   : 'true',
         'flyway.datasources.default.locations' : 'classpath:db/migration',
         'sluice.samples.enabled'               : 'false']
    }
}
