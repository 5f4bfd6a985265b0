package io.sluice.application.chunk

import io.sluice.application.port.RecordEvaluator
import io.sluice.domain.record.ChunkResultAssembler
import io.sluice.domain.record.OutputSelection
import io.sluice.domain.record.RecordOutcome
import spock.lang.Specification

import java.time.Duration

/** The per-chunk work of a worker: every record through the evaluator, within the chunk time limit. */
class ChunkComputerSpec extends Specification {

    static final UUID ID = UUID.fromString('0b5a0c1e-7f42-4a39-9c0a-5d7e1c2b3a41')

    /** total = price * quantity, taking {@code millisPerRecord} of wall time per record. */
    static RecordEvaluator slowTotals(long millisPerRecord) {
        { Map<String, Object> inputs, Collection<String> outputs ->
            Thread.sleep(millisPerRecord)
            new RecordOutcome([total: (inputs.price as double) * (inputs.quantity as double)], [], [], millisPerRecord * 1_000_000)
        } as RecordEvaluator
    }

    static ChunkInput chunkOf(int records) {
        new ChunkInput(ID, ['sale_id', 'price', 'quantity'],
                (1..records).collect { [it as long, 10L, it as long] as Object[] }, [:], SummarySpec.NONE)
    }

    static final assembler = ChunkResultAssembler.of(['total'], OutputSelection.of(['total']), 'sale_id')

    def 'a chunk computed within its time limit gives every record its result'() {
        when:
        def result = ChunkComputer.compute(chunkOf(5), slowTotals(1), assembler, ['price', 'quantity'] as Set, ['total'],
                ['total'] as Set, Duration.ofSeconds(10))

        then:
        result.outputs().size() == 6
        result.outputs().drop(1)*.get(1) == [10d, 20d, 30d, 40d, 50d]
    }

    def 'a chunk that outlives its time limit stops with TimeLimitExceededException, so that it is retried'() {
        when:
        ChunkComputer.compute(chunkOf(50), slowTotals(10), assembler, ['price', 'quantity'] as Set, ['total'],
                ['total'] as Set, Duration.ofMillis(30))

        then:
        def e = thrown(ChunkComputer.TimeLimitExceededException)
        e.message == 'the chunk took longer than its time limit of 30 ms'
    }

    def 'the time limit counts the processing time each record reports, summed over the chunk'() {
        given: 'an evaluator that answers at once but reports 20 ms a record'
        def reportsTwentyMillis = { Map<String, Object> inputs, Collection<String> outputs ->
            new RecordOutcome([total: 1d], [], [], 20_000_000)
        } as RecordEvaluator

        when: 'two records fit in 50 ms, three do not'
        ChunkComputer.compute(chunkOf(2), reportsTwentyMillis, assembler, ['price', 'quantity'] as Set, ['total'],
                ['total'] as Set, Duration.ofMillis(50))
        ChunkComputer.compute(chunkOf(3), reportsTwentyMillis, assembler, ['price', 'quantity'] as Set, ['total'],
                ['total'] as Set, Duration.ofMillis(50))

        then:
        def e = thrown(ChunkComputer.TimeLimitExceededException)
        e.message == 'the chunk took longer than its time limit of 50 ms'
    }
}
