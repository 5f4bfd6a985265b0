package io.sluice.client

import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.TimeUnit

import static io.sluice.client.RequestTimings.Call.CHUNK_RESULTS
import static io.sluice.client.RequestTimings.Call.STATUS

class RequestTimingsSpec extends Specification {

    def timings = new RequestTimings()

    def 'a call never made has no latency'() {
        expect:
        timings.latency(STATUS).empty
    }

    def 'percentiles come from every recorded exchange of that call only'() {
        given:
        (1..100).each { timings.record(STATUS, TimeUnit.MILLISECONDS.toNanos(it)) }
        timings.record(CHUNK_RESULTS, TimeUnit.SECONDS.toNanos(3))

        when:
        def status = timings.latency(STATUS).get()

        then:
        status.count() == 100
        within(status.p50(), 50)
        within(status.p99(), 99)
        within(status.max(), 100)
        timings.latency(CHUNK_RESULTS).get().count() == 1
    }

    def 'recording from many threads loses nothing'() {
        when:
        def threads = (1..8).collect { Thread.start { 1000.times { timings.record(STATUS, 1_000_000) } } }
        threads*.join()

        then:
        timings.latency(STATUS).get().count() == 8000
    }

    private static boolean within(Duration measured, long millis) {
        // three significant digits
        Math.abs(measured.toNanos() / 1e6 - millis) <= millis * 0.001 + 0.001
    }
}
