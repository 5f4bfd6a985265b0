package io.sluice.adapters.jdbc

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import io.sluice.application.port.BatchRepository
import io.sluice.application.port.ChunkStore
import io.sluice.application.port.TenantBufferPool
import jakarta.inject.Inject

/** The JDBC chunk store and batch repository pass their contract on H2 in PostgreSQL mode. */
@MicronautTest(startApplication = false, transactional = false)
class JdbcChunkStoreH2IT extends ChunkStoreContract implements TestPropertyProvider {

    @Inject ChunkStore chunkStore
    @Inject BatchRepository batchRepository
    @Inject TenantBufferPool tenantBufferPool

    ChunkStore store() { chunkStore }

    BatchRepository batches() { batchRepository }

    TenantBufferPool pool() { tenantBufferPool }

    @Override
    Map<String, String> getProperties() {
        ['datasources.default.url'              : "jdbc:h2:mem:chunks-${UUID.randomUUID()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1".toString(),
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
