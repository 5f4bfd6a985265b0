package io.sluice.client.batch

import com.fasterxml.jackson.databind.node.JsonNodeFactory
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

class ReorderBufferSpec extends Specification {

    @TempDir
    Path spillDirectory

    List<Long> written = []

    static CompletedChunk chunk(long sequence) {
        def nodes = JsonNodeFactory.instance
        new CompletedChunk(sequence, sequence * 2, ['id', 'total'],
                [[nodes.numberNode(sequence), nodes.numberNode(1.5G)], [nodes.numberNode(sequence), nodes.numberNode(2.5G)]],
                [nodes.nullNode(), nodes.objectNode().put('message', 'bad')])
    }

    ReorderBuffer buffer(int memoryChunks, boolean ordered = true) {
        new ReorderBuffer({ CompletedChunk c -> written << c.sequence() } as ReorderBuffer.Sink, memoryChunks, ordered, spillDirectory)
    }

    def 'chunks that complete out of order come out in input order'() {
        given:
        def reorder = buffer(10)

        when:
        [3, 1, 0, 4, 2].each { reorder.offer(chunk(it)) }

        then:
        written == [0L, 1L, 2L, 3L, 4L]
        reorder.waiting() == 0
    }

    def 'chunks beyond the memory window wait on disk and come back intact'() {
        given:
        List<CompletedChunk> received = []
        def reorder = new ReorderBuffer({ CompletedChunk c -> received << c } as ReorderBuffer.Sink, 2, true, spillDirectory)

        when:
        (1..20).each { reorder.offer(chunk(it)) }

        then:
        received.isEmpty()
        reorder.waiting() == 20
        reorder.spilledTotal() == 18

        when:
        reorder.offer(chunk(0))

        then:
        received*.sequence() == (0L..20L).toList()
        received[7].toString() == chunk(7).toString()
        reorder.waiting() == 0
    }

    def 'the spill file is removed when the buffer closes'() {
        given:
        def reorder = buffer(0)
        reorder.offer(chunk(1))

        expect:
        Files.list(spillDirectory).count() == 1

        when:
        reorder.offer(chunk(0))
        reorder.close()

        then:
        Files.list(spillDirectory).count() == 0
    }

    def 'unordered, every chunk passes straight through'() {
        given:
        def reorder = buffer(0, false)

        when:
        [2, 0, 1].each { reorder.offer(chunk(it)) }

        then:
        written == [2L, 0L, 1L]
    }

    def 'a chunk offered twice is refused'() {
        given:
        def reorder = buffer(4)
        reorder.offer(chunk(0))

        when:
        reorder.offer(chunk(0))

        then:
        thrown(IllegalStateException)
    }
}
