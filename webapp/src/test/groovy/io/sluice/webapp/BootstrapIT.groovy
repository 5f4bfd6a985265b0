package io.sluice.webapp

import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.read.ListAppender
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import org.slf4j.LoggerFactory
import spock.lang.Specification

import java.sql.DriverManager

/**
 * The first start of an empty database, and the starts after it, with no bootstrap secrets chosen:
 * each secret is generated and logged once, and a restart neither changes nor repeats them.
 */
class BootstrapIT extends Specification {

    final String databaseUrl = "jdbc:h2:mem:bootstrap-${UUID.randomUUID()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
    final ListAppender<ILoggingEvent> log = new ListAppender<>()
    final Logger bootstrapLogger = LoggerFactory.getLogger('io.sluice.adapters.security.BootstrapOnStartup') as Logger

    def setup() {
        log.start()
        bootstrapLogger.addAppender(log)
    }

    def cleanup() {
        bootstrapLogger.detachAppender(log)
    }

    def 'a first start generates and logs the secrets once; a restart keeps them and logs nothing'() {
        when:
        def first = start()
        def lines = log.list*.formattedMessage
        def password = lines.findResult { (it =~ /Generated password of 'admin' .*: (\S+)$/).with { it.find() ? it.group(1) : null } }
        def key = lines.findResult { (it =~ /Generated API key of tenant 'demo' .*: (\S+)$/).with { it.find() ? it.group(1) : null } }
        def token = login(first, password)

        then:
        password != null
        key.startsWith('sk_sluice_')
        token != null
        keys(first, key).status.code == 200

        when:
        first.close()
        log.list.clear()
        def second = start()

        then:
        log.list.every { !it.formattedMessage.contains('Generated') }
        login(second, password) != null
        keys(second, key).status.code == 200
        bearer(second, token).status.code == 200

        cleanup:
        second?.close()
    }

    def 'the generated token signing key lives in the database, never in clear in the logs'() {
        given:
        def server = start()

        when:
        login(server, (log.list*.formattedMessage.findResult {
            (it =~ /Generated password of 'admin' .*: (\S+)$/).with { it.find() ? it.group(1) : null }
        }))
        def stored = DriverManager.getConnection(databaseUrl, 'sa', '').withCloseable { connection ->
            def rows = connection.createStatement().executeQuery("select secret from signing_keys where name = 'token-hs256'")
            rows.next() ? rows.getString(1) : null
        }

        then:
        stored != null
        Base64.decoder.decode(stored).length == 32
        !log.list*.formattedMessage.any { it.contains(stored) }

        cleanup:
        server.close()
    }

    private EmbeddedServer start() {
        ApplicationContext.run(EmbeddedServer, [
                'datasources.default.url'       : databaseUrl,
                'sluice.bootstrap.admin-password': '',
                'sluice.bootstrap.api-key'       : '',
                'sluice.samples.enabled'         : false], 'test')
    }

    private static String login(EmbeddedServer server, String password) {
        HttpClient.create(server.URL).withCloseable {
            it.toBlocking().retrieve(HttpRequest.POST('/login', [tenant: 'demo', username: 'admin', password: password]), Map).access_token
        }
    }

    private static keys(EmbeddedServer server, String key) {
        HttpClient.create(server.URL).withCloseable {
            it.toBlocking().exchange(HttpRequest.GET('/demo/api/v4/apikeys').header('x-synthetic-key', key).header('x-tenant-name', 'demo'), Map)
        }
    }

    private static bearer(EmbeddedServer server, String token) {
        HttpClient.create(server.URL).withCloseable {
            it.toBlocking().exchange(HttpRequest.GET('/demo/api/v4/apikeys').bearerAuth(token), Map)
        }
    }
}
