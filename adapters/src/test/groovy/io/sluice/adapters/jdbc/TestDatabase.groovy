package io.sluice.adapters.jdbc

import org.flywaydb.core.Flyway
import org.h2.jdbcx.JdbcDataSource
import org.postgresql.ds.PGSimpleDataSource

import javax.sql.DataSource
import java.sql.DriverManager

/**
 * A fresh, fully migrated database for one spec, on H2 (PostgreSQL mode, in memory) or on
 * PostgreSQL (a new schema with a random name in the shared server, dropped by {@link #close()}).
 * Every JDBC adapter runs its port's contract spec on both.
 *
 * <p>Plain JDBC adapters take {@link #dataSource()}:
 * <pre>
 * &#64;Shared &#64;AutoCleanup TestDatabase database = TestDatabase.postgres()   // or TestDatabase.h2()
 * def repository = new JdbcBatchRepository(database.dataSource())
 * </pre>
 * Micronaut Data repositories need an application context on the same database:
 * <pre>
 * &#64;Shared &#64;AutoCleanup TestDatabase database = TestDatabase.postgres()
 * &#64;Shared &#64;AutoCleanup ApplicationContext context = ApplicationContext.run(database.micronautProperties())
 * def repository = context.getBean(BatchRepository)
 * </pre>
 * The PostgreSQL server is {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres}
 * unless the system properties or environment variables {@code SLUICE_TEST_POSTGRES_URL},
 * {@code SLUICE_TEST_POSTGRES_USER} and {@code SLUICE_TEST_POSTGRES_PASSWORD} say otherwise. The
 * {@code public} schema is never touched.
 */
final class TestDatabase implements AutoCloseable {

    static final String POSTGRES_URL = setting('SLUICE_TEST_POSTGRES_URL', 'jdbc:postgresql://127.0.0.1:5432/test')
    static final String POSTGRES_USER = setting('SLUICE_TEST_POSTGRES_USER', 'postgres')
    static final String POSTGRES_PASSWORD = setting('SLUICE_TEST_POSTGRES_PASSWORD', '')

    final String kind
    final String url
    final String user
    final String password
    final String schema
    final DataSource dataSource

    private TestDatabase(String kind, String url, String user, String password, String schema, DataSource dataSource) {
        this.kind = kind
        this.url = url
        this.user = user
        this.password = password
        this.schema = schema
        this.dataSource = dataSource
    }

    /** A new in-memory H2 database in PostgreSQL mode, migrated; it vanishes with the JVM. */
    static TestDatabase h2() {
        def url = "jdbc:h2:mem:${randomName()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        def dataSource = new JdbcDataSource(url: url, user: 'sa', password: '')
        migrate(dataSource, null)
        new TestDatabase('h2', url, 'sa', '', null, dataSource)
    }

    /** A new schema in the shared PostgreSQL server, migrated; {@link #close()} drops it. */
    static TestDatabase postgres() {
        def schema = randomName()
        DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD).withCloseable { connection ->
            connection.createStatement().withCloseable { it.execute("create schema ${schema}") }
        }
        def url = "${POSTGRES_URL}${POSTGRES_URL.contains('?') ? '&' : '?'}currentSchema=${schema}"
        def dataSource = new PGSimpleDataSource()
        dataSource.setURL(url)
        dataSource.setUser(POSTGRES_USER)
        dataSource.setPassword(POSTGRES_PASSWORD)
        def database = new TestDatabase('postgres', url, POSTGRES_USER, POSTGRES_PASSWORD, schema, dataSource)
        try {
            migrate(dataSource, schema)
        } catch (Exception e) {
            database.close()
            throw e
        }
        database
    }

    DataSource dataSource() {
        dataSource
    }

    /**
     * Properties that point a Micronaut application context's default datasource (and its Flyway
     * migrations) at this database.
     */
    Map<String, Object> micronautProperties() {
        Map<String, Object> properties = [
                'datasources.default.url'              : url,
                'datasources.default.username'         : user,
                'datasources.default.password'         : password,
                'datasources.default.driver-class-name': kind == 'h2' ? 'org.h2.Driver' : 'org.postgresql.Driver',
                'datasources.default.dialect'          : 'POSTGRES',
                'flyway.datasources.default.enabled'   : true,
                'flyway.datasources.default.locations' : 'classpath:db/migration']
        if (schema != null) {
            properties['flyway.datasources.default.schemas'] = schema
            properties['flyway.datasources.default.default-schema'] = schema
        }
        properties
    }

    @Override
    void close() {
        if (schema != null) {
            DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD).withCloseable { connection ->
                connection.createStatement().withCloseable { it.execute("drop schema if exists ${schema} cascade") }
            }
        } else {
            dataSource.connection.withCloseable { connection ->
                connection.createStatement().withCloseable { it.execute('shutdown') }
            }
        }
    }

    @Override
    String toString() {
        "TestDatabase[${kind}${schema ? ', schema ' + schema : ''}]"
    }

    private static void migrate(DataSource dataSource, String schema) {
        def configuration = Flyway.configure().dataSource(dataSource).locations('classpath:db/migration')
        if (schema != null) {
            configuration = configuration.schemas(schema).defaultSchema(schema)
        }
        configuration.load().migrate()
    }

    private static String randomName() {
        'sluice_test_' + UUID.randomUUID().toString().replace('-', '').substring(0, 16)
    }

    private static String setting(String name, String fallback) {
        System.getProperty(name) ?: System.getenv(name) ?: fallback
    }
}
