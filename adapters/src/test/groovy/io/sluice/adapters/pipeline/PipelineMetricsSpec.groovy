package io.sluice.adapters.pipeline

import io.micrometer.core.instrument.simple.SimpleMeterRegistry
import io.sluice.application.batch.PipelineWorkers
import spock.lang.Specification

import java.util.concurrent.TimeUnit

class PipelineMetricsSpec extends Specification {

    SimpleMeterRegistry registry = new SimpleMeterRegistry()
    PipelineMetrics metrics = new PipelineMetrics(registry)

    double chunks(String outcome) {
        registry.get(PipelineMetrics.CHUNKS).tag('outcome', outcome).counter().count()
    }

    double records(String outcome) {
        registry.get(PipelineMetrics.RECORDS).tag('outcome', outcome).counter().count()
    }

    def 'a finished chunk counts once, with its records, under the outcome its report names'() {
        when:
        metrics.chunkDone(new PipelineWorkers.ChunkDone(5, 2_000_000, stored, failed, retried))

        then:
        chunks(outcome) == 1
        records(outcome) == 5
        registry.get(PipelineMetrics.COMPUTE).tag('outcome', outcome).timer().totalTime(TimeUnit.MILLISECONDS) == 2
        (['completed', 'failed', 'retried', 'abandoned'] - outcome).every { chunks(it) == 0 && records(it) == 0 }

        where:
        stored | failed | retried || outcome
        true   | false  | false   || 'completed'
        true   | true   | false   || 'failed'
        false  | false  | true    || 'retried'
        false  | false  | false   || 'abandoned'
        false  | true   | false   || 'abandoned'
    }

    def 'every outcome is exported from the start, at zero'() {
        expect:
        ['completed', 'failed', 'retried', 'abandoned'].every { chunks(it) == 0 && records(it) == 0 }
    }
}
