package io.sluice.webapp

import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

@MicronautTest
class HealthIT extends Specification {

    @Inject
    @Client('/')
    HttpClient client

    def 'health answers UP without credentials, database included'() {
        when:
        def health = client.toBlocking().retrieve('/health', Map)

        then:
        health.status == 'UP'
    }
}
