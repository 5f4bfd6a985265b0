package io.sluice.application.chunk

import spock.lang.Specification

import java.util.zip.DataFormatException
import java.util.zip.Deflater
import java.util.zip.Inflater

class CompressionSpec extends Specification {

    static final Random RANDOM = new Random(20261202)

    /** What stored chunks were before LZ4: a raw deflate stream at the fastest level. */
    static byte[] deflated(byte[] raw) {
        def deflater = new Deflater(Deflater.BEST_SPEED, true)
        deflater.setInput(raw)
        deflater.finish()
        def out = new ByteArrayOutputStream()
        def buffer = new byte[4096]
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer))
        }
        deflater.end()
        out.toByteArray()
    }

    static byte[] sample(int size, boolean repetitive) {
        def bytes = new byte[size]
        if (repetitive) {
            size.times { bytes[it] = (byte) (it % 7 == 0 ? RANDOM.nextInt(256) : it % 13) }
        } else {
            RANDOM.nextBytes(bytes)
        }
        bytes
    }

    def 'bytes come back as they went in, whatever their size and content'() {
        given:
        def raw = sample(size, repetitive)

        expect:
        Compression.unpack(Compression.pack(raw)) == raw

        where:
        [size, repetitive] << [[0, 1, 15, 100, 75_000, 1_000_000], [true, false]].combinations()
    }

    def 'the most compressible data, all zeros, comes back too: the length check leaves room for it'() {
        given:
        def raw = new byte[size]

        expect:
        Compression.unpack(Compression.pack(raw)) == raw

        where:
        size << [300, 65_536, 1_000_000, 16_777_216]
    }

    def 'a stored chunk shrinks'() {
        given:
        def rows = (1..5000).collect { [1_000_000L + it, (it * 37 % 100_000) / 100d, (long) (it % 20 + 1)] as Object[] }
        def raw = ChunkCodec.canonical(new ChunkInput(UUID.randomUUID(), ['sale_id', 'price', 'quantity'], rows,
                [tax: 0.1d], SummarySpec.NONE))

        expect:
        Compression.pack(raw).length < raw.length * 0.8
    }

    def 'forms stored before, raw deflate streams, are still read'() {
        given:
        def raw = sample(size, true)

        expect:
        Compression.unpack(deflated(raw)) == raw

        where:
        size << [1, 100, 75_000]
    }

    def 'no deflate stream starts with the LZ4 tag: its block type is one deflate reserves'() {
        expect: 'what the deflater writes never starts with it'
        (0..200).every { n ->
            def first = deflated(sample(n * 37, n % 2 == 0))[0] & 0xFF
            (first & 0b110) != 0b110
        }

        when: 'an inflater is given a stream that does'
        def inflater = new Inflater(true)
        inflater.setInput([Compression.LZ4_BLOCK, 0, 0, 0, 0] as byte[])
        inflater.inflate(new byte[16])

        then:
        def e = thrown(DataFormatException)
        e.message.contains('invalid block type')
    }

    def 'damaged data is refused with a reason, never read as something else'() {
        when:
        Compression.unpack(damage(Compression.pack(sample(10_000, true))))

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('compressed chunk data')

        where:
        damage << [
                { byte[] b -> Arrays.copyOf(b, b.length - 10) },
                { byte[] b -> Arrays.copyOf(b, 3) },
                { byte[] b -> b[1] = (byte) 0xFF; b },
                { byte[] b -> b[1] = (byte) 0x7F; b[2] = (byte) 0xFF; b[3] = (byte) 0xFF; b[4] = (byte) 0xFF; b },
                { byte[] b -> b[4] = (byte) (b[4] + 1); b },
                { byte[] b -> def c = b.clone(); (5..<c.length).each { c[it] = (byte) 0xFF }; c },
        ]
    }
}
