package io.sluice.webapp.dashboard;

import io.sluice.application.batch.CancelBatch;
import io.sluice.application.batch.CloseBatch;
import io.sluice.application.batch.CreateBatch;
import io.sluice.application.batch.FetchChunkResults;
import io.sluice.application.batch.GetBatch;
import io.sluice.application.batch.SubmitChunks;
import io.sluice.application.port.Clock;
import jakarta.inject.Singleton;

/** The batch use cases a file run goes through: the same ones the Batch API calls. */
@Singleton
record FileRunUseCases(CreateBatch create, SubmitChunks submit, CloseBatch close, CancelBatch cancel,
                       FetchChunkResults fetch, GetBatch get, Clock clock) {
}
