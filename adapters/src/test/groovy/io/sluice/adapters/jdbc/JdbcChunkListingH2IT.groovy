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
        SpecDatabase.h2('listing')
    }
}
