package io.sluice.webapp.dashboard

import spock.lang.Specification

import java.time.Duration

class FormatsSpec extends Specification {

    Formats fmt = new Formats()

    def 'numbers, sizes and durations read as people write them'() {
        expect:
        fmt.count(1234567) == '1,234,567'
        fmt.bytes(70_000_000) == '70.0 MB'
        fmt.bytes(999) == '999 B'
        fmt.rate(12345.4d) == '12,345/s'
        fmt.rate(0) == '–'
        fmt.percent(1, 3) == '33 %'
        fmt.percent(1, 0) == '0 %'
        fmt.duration(Duration.ofSeconds(185)) == '3 min 5 s'
        fmt.duration(null) == '–'
    }
}
