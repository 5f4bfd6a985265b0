package io.sluice.client.cli

import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.time.Duration

class ProgressDisplaySpec extends Specification {

    def bytes = new ByteArrayOutputStream()
    def log = new PrintStream(bytes, true, StandardCharsets.UTF_8)

    def 'without a terminal the display is plain log lines'() {
        expect:
        ProgressDisplay.choose(false, 100, log, Duration.ofSeconds(5)) instanceof ProgressDisplay.Lines
    }

    def 'on a terminal the display is a progress bar'() {
        when:
        def display = ProgressDisplay.choose(true, 100, log, Duration.ofSeconds(5))

        then:
        display instanceof ProgressDisplay.Bar

        cleanup:
        display?.close()
    }

    def 'log lines come at most once per interval, with an estimated total while reading'() {
        given:
        long now = 0
        def lines = new ProgressDisplay.Lines(1000, log, Duration.ofSeconds(5), { -> now })

        when:
        lines.read(100, 250)
        now = Duration.ofSeconds(1).toNanos()
        lines.written(50, 0)
        now = Duration.ofSeconds(6).toNanos()
        lines.written(60, 1)

        then:
        bytes.toString(StandardCharsets.UTF_8).readLines() == ['60 records done of ~400 (15%), 1 failed, 10 records/s']
    }

    def 'once reading ends the total is exact'() {
        given:
        long now = 0
        def lines = new ProgressDisplay.Lines(1000, log, Duration.ofSeconds(1), { -> now })

        when:
        lines.read(300, 600)
        lines.readingDone(380)
        now = Duration.ofSeconds(2).toNanos()
        lines.written(190, 0)

        then:
        bytes.toString(StandardCharsets.UTF_8).readLines() == ['190 records done of 380 (50%), 0 failed, 95 records/s']
    }
}
