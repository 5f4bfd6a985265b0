package io.sluice.adapters.jdbc

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import io.sluice.application.port.BatchRepository
import io.sluice.application.port.ChunkStore
import io.sluice.application.port.TenantBufferPool
import jakarta.inject.Inject
import spock.lang.Shared

/** The JDBC chunk store and batch repository pass their contract on PostgreSQL, in a schema of their own. */
@MicronautTest(startApplication = false, transactional = false)
class JdbcChunkStorePostgresIT extends ChunkStoreContract implements TestPropertyProvider {

    @Shared
    String schema = SpecDatabase.schemaName('chunks')

    @Inject ChunkStore chunkStore
    @Inject BatchRepository batchRepository
    @Inject TenantBufferPool tenantBufferPool

    ChunkStore store() { chunkStore }

    BatchRepository batches() { batchRepository }

    TenantBufferPool pool() { tenantBufferPool }

    @Override
    Map<String, String> getProperties() {
        SpecDatabase.postgres(schema)
    }

    def cleanupSpec() {
        SpecDatabase.drop(schema)
    }
}
