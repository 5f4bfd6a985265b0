package io.sluice.domain.batch

import spock.lang.Specification

import static io.sluice.domain.batch.BatchFixtures.*

class PipelineStatusSpec extends Specification {

    /** Two chunks of 100 bytes in flight; the output buffer holds 300 bytes. */
    static Batch aBatchWithSmallOutput() {
        aCreatedBatchWithBuffers(1000, 300).acceptChunks(2, 4, 200, at(1))
    }

    def 'a batch with nothing to compute is idle'() {
        expect:
        PipelineStatus.of(aCreatedBatch(), 100) == PipelineStatus.IDLE
        PipelineStatus.of(aPendingBatch(), 100) == PipelineStatus.IDLE
        PipelineStatus.of(anInProgressBatch().recordChunkCompleted(2, 0, 1, 200, 100, at(2))
                .recordChunkCompleted(5, 0, 1, 500, 250, at(2)), 100) == PipelineStatus.IDLE
    }

    def 'chunks waiting with room for their results keep the pipeline running'() {
        expect:
        PipelineStatus.of(anInProgressBatch(), 100) == PipelineStatus.RUNNING
        PipelineStatus.of(aClosedBatch(), 100) == PipelineStatus.RUNNING
    }

    def 'a full output buffer pauses the pipeline'() {
        given:
        def full = aBatchWithSmallOutput().recordChunkCompleted(2, 0, 1, 100, 300, at(2))

        expect:
        full.outputBuffer().isFull()
        PipelineStatus.of(full, 0) == PipelineStatus.PAUSED
    }

    def 'an output buffer without room for the next result pauses the pipeline'() {
        given:
        def batch = aBatchWithSmallOutput().recordChunkCompleted(2, 0, 1, 100, 250, at(2))

        expect:
        PipelineStatus.of(batch, 50) == PipelineStatus.RUNNING
        PipelineStatus.of(batch, 51) == PipelineStatus.PAUSED
    }

    def 'fetching results resumes a paused pipeline'() {
        given:
        def full = aBatchWithSmallOutput().recordChunkCompleted(2, 0, 1, 100, 300, at(2))

        expect:
        PipelineStatus.of(full.recordResultsFetched(1, 300, at(3)), 100) == PipelineStatus.RUNNING
    }

    def 'an ended batch has a closed pipeline: #status'() {
        expect:
        PipelineStatus.of(aBatchIn(status), 100) == PipelineStatus.CLOSED

        where:
        status << [BatchStatus.COMPLETED, BatchStatus.COMPLETED_BY_TIMEOUT, BatchStatus.FAILED, BatchStatus.CANCELLED]
    }

    def 'a closed batch whose chunks are all computed has a closed pipeline while results wait'() {
        expect:
        PipelineStatus.of(aClosedBatch().recordChunkCompleted(2, 0, 1, 200, 100, at(3))
                .recordChunkCompleted(5, 0, 1, 500, 250, at(3)), 100) == PipelineStatus.CLOSED
    }

    def 'pipeline statuses have their wire names'() {
        expect:
        PipelineStatus.values()*.wireName() == ['idle', 'running', 'paused', 'closed']
    }
}
