package io.sluice.adapters.jdbc

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import io.sluice.application.port.ServiceRegistry
import io.sluice.application.service.ServiceRegistryContract
import jakarta.inject.Inject
import spock.lang.Shared

import java.sql.DriverManager

/** The JDBC registry passes the registry contract on PostgreSQL, in a schema of its own. */
@MicronautTest(startApplication = false, transactional = false)
class JdbcServiceRegistryPostgresIT extends ServiceRegistryContract implements TestPropertyProvider {

    static final String SERVER = System.getProperty('sluice.test.postgres', 'jdbc:postgresql://127.0.0.1:5432/test')

    @Shared
    String schema = 'registry_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)

    @Inject
    ServiceRegistry registry

    @Override
    ServiceRegistry registry() {
        registry
    }

    @Override
    Map<String, String> getProperties() {
        sql("CREATE SCHEMA $schema")
        ['datasources.default.url'              : "$SERVER?currentSchema=$schema".toString(),
         'datasources.default.driver-class-name': 'org.postgresql.Driver',
         'datasources.default.username'         : 'postgres',
         'datasources.default.password'         : '',
         'datasources.default.dialect'          : 'POSTGRES',
         'flyway.datasources.default.enabled'   : 'true',
         'flyway.datasources.default.schemas'   : schema,
         'flyway.datasources.default.locations' : 'classpath:db/migration',
         'sluice.samples.enabled'               : 'false']
    }

    def cleanupSpec() {
        sql("DROP SCHEMA IF EXISTS $schema CASCADE")
    }

    static void sql(String statement) {
        DriverManager.getConnection(SERVER, 'postgres', '').withCloseable { it.createStatement().execute(statement) }
    }
}
