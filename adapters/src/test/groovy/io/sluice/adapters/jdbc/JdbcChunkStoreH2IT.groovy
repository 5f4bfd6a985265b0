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
        SpecDatabase.h2('chunks')
    }
}
