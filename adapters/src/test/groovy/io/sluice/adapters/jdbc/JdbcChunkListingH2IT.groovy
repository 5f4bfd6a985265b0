package io.sluice.adapters.jdbc

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import io.sluice.application.port.BatchRepository
import io.sluice.application.port.ChunkListing
import io.sluice.application.port.ChunkStore
import jakarta.inject.Inject

/** The JDBC chunk listing passes its contract on H2 in PostgreSQL mode. */
@MicronautTest(startApplication = false, transactional = false)
class JdbcChunkListingH2IT extends ChunkListingContract implements TestPropertyProvider {

    @Inject ChunkListing chunkListing
    @Inject ChunkStore chunkStore
    @Inject BatchRepository batchRepository

    ChunkListing listing() { chunkListing }

    ChunkStore store() { chunkStore }

    BatchRepository batches() { batchRepository }

    @Override
    Map<String, String> getProperties() {
        ['datasources.default.url'              : "jdbc:h2:mem:listing-${UUID.randomUUID()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1".toString(),
         'datasources.default.driver-class-name': 'org.h2.Driver',
         'datasources.default.username'         : 'sa',
         'datasources.default.password'         : '',
         'datasources.default.dialect'          : 'POSTGRES',
         'flyway.datasources.default.enabled'   : 'true',
         'flyway.datasources.default.locations' : 'classpath:db/migration',
         'sluice.samples.enabled'               : 'false',
         'sluice.pipeline.workers-enabled'      : 'false',
         'sluice.pipeline.timer-interval'       : '1h']
    }
}
