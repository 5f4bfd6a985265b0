package io.sluice.client

import spock.lang.Specification

import java.time.Duration

class RetryPolicySpec extends Specification {

    List<Duration> waits = []

    RetryPolicy policy(int attempts = 5) {
        new RetryPolicy(attempts, Duration.ofMillis(100), Duration.ofSeconds(5), new Random(42),
                { Duration d -> waits << d } as RetryPolicy.Sleeper)
    }

    static SluiceApiException answer(int status, Duration retryAfter = null) {
        new SluiceApiException(status, 'code', 'detail', retryAfter)
    }

    /** Fails with the given failures in turn, then answers 'done'. */
    static RetryPolicy.Attempt<String> failing(List<Exception> failures) {
        def remaining = new ArrayList<Exception>(failures)
        return { -> if (remaining) { throw remaining.remove(0) }; 'done' } as RetryPolicy.Attempt<String>
    }

    def 'a 429 waits at least what Retry-After says'() {
        when:
        def result = policy().run(RetryPolicy.Scope.ANY_TRANSIENT, failing([answer(429, Duration.ofSeconds(2))]))

        then:
        result == 'done'
        waits.size() == 1
        waits[0] >= Duration.ofSeconds(2) && waits[0] <= Duration.ofMillis(2100)
    }

    def 'back-pressure is retried for as long as the server asks, beyond the attempt limit'() {
        when:
        def result = policy(2).run(RetryPolicy.Scope.ANY_TRANSIENT, failing((1..10).collect { answer(429, Duration.ZERO) }))

        then:
        result == 'done'
        waits.size() == 10
    }

    def 'a 5xx is retried after a jittered exponential backoff'() {
        when:
        policy().run(RetryPolicy.Scope.ANY_TRANSIENT, failing([answer(503), answer(500), answer(502)]))

        then:
        waits.size() == 3
        waits[0] <= Duration.ofMillis(100)
        waits[1] <= Duration.ofMillis(200)
        waits[2] <= Duration.ofMillis(400)
    }

    def 'the backoff never exceeds the cap'() {
        expect:
        (1..40).every { policy().delay(it, answer(500)) <= Duration.ofSeconds(5) }
    }

    def 'jitter spreads the waits of clients that failed together'() {
        given:
        def shared = policy()

        expect:
        (1..20).collect { shared.delay(5, answer(500)) }.toSet().size() > 10
    }

    def 'a network error is retried for an idempotent request'() {
        expect:
        policy().run(RetryPolicy.Scope.ANY_TRANSIENT, failing([new IOException('reset')])) == 'done'
    }

    def 'an exchange cut off midway is not retried for a request that must not run twice'() {
        when:
        policy().run(RetryPolicy.Scope.NOT_PROCESSED, failing([new IOException('reset')]))

        then:
        thrown(IOException)
        waits.isEmpty()
    }

    def 'a refused connection is retried even for a request that must not run twice'() {
        expect:
        policy().run(RetryPolicy.Scope.NOT_PROCESSED, failing([new ConnectException('refused')])) == 'done'
    }

    def 'a #status is never retried'() {
        when:
        policy().run(RetryPolicy.Scope.ANY_TRANSIENT, failing([answer(status)]))

        then:
        def e = thrown(SluiceApiException)
        e.status() == status
        waits.isEmpty()

        where:
        status << [400, 401, 404, 409, 413]
    }

    def 'retries stop after the last attempt'() {
        when:
        policy(3).run(RetryPolicy.Scope.ANY_TRANSIENT, failing((1..5).collect { answer(503) }))

        then:
        thrown(SluiceApiException)
        waits.size() == 2
    }
}
