package io.sluice.adapters.jdbc

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import io.sluice.application.port.BatchRepository
import io.sluice.application.port.ChunkStore
import io.sluice.application.port.ChunkListing
import jakarta.inject.Inject
import spock.lang.Shared

/** The JDBC chunk listing passes its contract on PostgreSQL, in a schema of their own. */
@MicronautTest(startApplication = false, transactional = false)
class JdbcChunkListingPostgresIT extends ChunkListingContract implements TestPropertyProvider {

    @Shared
    String schema = SpecDatabase.schemaName('listing')

    @Inject ChunkStore chunkStore
    @Inject BatchRepository batchRepository
    @Inject ChunkListing chunkListing

    ChunkStore store() { chunkStore }

    BatchRepository batches() { batchRepository }

    ChunkListing listing() { chunkListing }

    @Override
    Map<String, String> getProperties() {
        SpecDatabase.postgres(schema)
    }

    def cleanupSpec() {
        SpecDatabase.drop(schema)
    }
}
