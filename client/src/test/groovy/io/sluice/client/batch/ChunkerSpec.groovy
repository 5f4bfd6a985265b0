package io.sluice.client.batch

import com.fasterxml.jackson.databind.ObjectMapper
import io.sluice.client.io.CsvRecordSource
import spock.lang.Specification

import java.nio.charset.StandardCharsets

class ChunkerSpec extends Specification {

    static final ObjectMapper JSON = new ObjectMapper()

    static Chunker chunker(int records, int chunkSize, Map parameters = [:], String key = null) {
        chunker(records, ChunkLimits.ofRecords(chunkSize), parameters, key)
    }

    static Chunker chunker(int records, ChunkLimits limits, Map parameters = [:], String key = null) {
        def csv = 'sale_id,price,quantity\n' + (1..<(records + 1)).collect { "$it,${it * 2},3" }.join('\n')
        def source = new CsvRecordSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
        new Chunker(source, limits, JSON.valueToTree(parameters), key)
    }

    static List<PreparedChunk> drain(Chunker chunker) {
        def chunks = []
        def chunk
        while ((chunk = chunker.next()) != null) {
            chunks << chunk
        }
        chunks
    }

    def 'a record count that is a multiple of the chunk size leaves no header-only chunk'() {
        when:
        def chunks = drain(chunker(3000, 1000))

        then:
        chunks.size() == 3
        chunks*.size() == [1000, 1000, 1000]
    }

    def 'the last chunk holds the remainder'() {
        expect:
        drain(chunker(2500, 1000))*.size() == [1000, 1000, 500]
    }

    def 'a chunk closes after the record that brings its body to the byte limit'() {
        given: 'records of 8 to 14 bytes as JSON rows ([1,2,3], to [1000,2000,3],)'
        def limits = new ChunkLimits(1000, 2_000)

        when:
        def chunks = drain(chunker(1000, limits))

        then: 'every chunk but the last reached the limit, passing it by one record and the closing fields at most'
        chunks.size() > 5
        chunks.init().every { it.json().length >= 2_000 && it.json().length < 2_000 + 14 + 40 }
        chunks.last().json().length < 2_000 + 14 + 40
        chunks.sum { it.size() } == 1000
        chunks*.firstRecord() == [0L] + chunks.init().collect { it.firstRecord() + it.size() }
    }

    def 'a record larger than the byte limit still goes, alone in its chunk'() {
        expect:
        drain(chunker(3, new ChunkLimits(10, 1)))*.size() == [1, 1, 1]
    }

    def 'the record limit closes a chunk before the byte limit when records are narrow'() {
        expect:
        drain(chunker(25, new ChunkLimits(10, 1 << 20)))*.size() == [10, 10, 5]
    }

    def 'limits far beyond any chunk start a bounded buffer, and the chunks are still cut right'() {
        expect: 'the initial buffer follows the limits while they are small, and stays bounded when they are not'
        Chunker.initialCapacity(new ChunkLimits(100, 1 << 20)) == 6_400
        Chunker.initialCapacity(new ChunkLimits(1_000_000, 1_000)) == 9_192
        Chunker.initialCapacity(new ChunkLimits(Integer.MAX_VALUE, Integer.MAX_VALUE)) == Chunker.MAX_INITIAL_CAPACITY

        and:
        drain(chunker(25, new ChunkLimits(Integer.MAX_VALUE, Integer.MAX_VALUE)))*.size() == [25]
    }

    def 'size counts records, not the header row'() {
        when:
        def body = JSON.readTree(drain(chunker(3, 10)).first().json())

        then:
        body.get('size').asInt() == 3
        body.get('data').get('inputs').size() == 4
    }

    def 'every chunk starts with the header row and carries the parameters'() {
        when:
        def bodies = drain(chunker(5, 2, [tax: 0.1])).collect { JSON.readTree(it.json()) }

        then:
        bodies.every { it.get('data').get('inputs').get(0).collect { n -> n.asText() } == ['sale_id', 'price', 'quantity'] }
        bodies.every { it.get('data').get('parameters').get('tax').asDouble() == 0.1d }
    }

    def 'chunks know their place in the input'() {
        when:
        def chunks = drain(chunker(5, 2))

        then:
        chunks*.sequence() == [0L, 1L, 2L]
        chunks*.firstRecord() == [0L, 2L, 4L]
    }

    def 'a chunk id is a fresh UUID, written into the chunk'() {
        when:
        def chunks = drain(chunker(30, 1))

        then:
        chunks*.id().toSet().size() == 30
        chunks.every { JSON.readTree(it.json()).get('id').asText() == it.id().toString() }
    }

    def 'two chunkers share no state'() {
        given:
        def first = chunker(4, 2)
        def second = chunker(4, 2)

        when:
        def a = drain(first)
        def b = drain(second)

        then:
        a*.sequence() == b*.sequence()
        (a*.id() as Set).intersect(b*.id() as Set).isEmpty()
        first.records() == 4 && second.records() == 4
    }

    def 'the post body wraps the chunk in a chunks array'() {
        when:
        def document = JSON.readTree(drain(chunker(1, 1)).first().document())

        then:
        document.get('chunks').size() == 1
        document.get('chunks').get(0).get('size').asInt() == 1
    }

    def 'with a key column each chunk knows its records\' keys'() {
        expect:
        drain(chunker(5, 2, [:], 'sale_id'))*.keys() == [['1', '2'], ['3', '4'], ['5']]
    }

    def 'without a key column no keys are kept'() {
        expect:
        drain(chunker(3, 2))*.keys() == [[], []]
    }

    def 'a key column the input does not have is refused before anything is sent'() {
        when:
        chunker(3, 2, [:], 'id')

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains("'id'")
    }
}
