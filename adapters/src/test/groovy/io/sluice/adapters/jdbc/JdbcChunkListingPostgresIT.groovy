package io.sluice.adapters.jdbc

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import io.sluice.application.port.BatchRepository
import io.sluice.application.port.ChunkStore
import io.sluice.application.port.ChunkListing
import jakarta.inject.Inject
import spock.lang.Shared

import java.sql.DriverManager

/** The JDBC chunk listing passes its contract on PostgreSQL, in a schema of their own. */
@MicronautTest(startApplication = false, transactional = false)
class JdbcChunkListingPostgresIT extends ChunkListingContract implements TestPropertyProvider {

    static final String SERVER = System.getProperty('sluice.test.postgres', 'jdbc:postgresql://127.0.0.1:5432/test')

    @Shared
    String schema = 'listing_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)

    @Inject ChunkStore chunkStore
    @Inject BatchRepository batchRepository
    @Inject ChunkListing chunkListing

    ChunkStore store() { chunkStore }

    BatchRepository batches() { batchRepository }

    ChunkListing listing() { chunkListing }

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
         'sluice.samples.enabled'               : 'false',
         'sluice.pipeline.workers-enabled'      : 'false',
         'sluice.pipeline.timer-interval'       : '1h']
    }

    def cleanupSpec() {
        sql("DROP SCHEMA IF EXISTS $schema CASCADE")
    }

    private static void sql(String statement) {
        DriverManager.getConnection(SERVER, 'postgres', '').withCloseable { c ->
            c.createStatement().withCloseable { it.execute(statement) }
        }
    }
}
