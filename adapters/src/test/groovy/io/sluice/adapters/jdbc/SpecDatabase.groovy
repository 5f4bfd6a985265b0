package io.sluice.adapters.jdbc

import java.sql.DriverManager

/**
 * Properties that put a {@code @MicronautTest} spec of the JDBC adapters on a database of its own
 * with nothing else running in it: no sample services, no workers, no timers. For PostgreSQL the
 * spec names a schema, which {@link #postgres} creates and {@link #drop} removes; the server is
 * {@link TestDatabase}'s.
 */
final class SpecDatabase {

    private static final Map<String, String> QUIET = [
            'datasources.default.dialect'         : 'POSTGRES',
            'flyway.datasources.default.enabled'  : 'true',
            'flyway.datasources.default.locations': 'classpath:db/migration',
            'sluice.samples.enabled'              : 'false',
            'sluice.pipeline.workers-enabled'     : 'false',
            'sluice.pipeline.timer-interval'      : '1h']

    private SpecDatabase() {
    }

    /** A new in-memory H2 database in PostgreSQL mode, named after {@code name}. */
    static Map<String, String> h2(String name) {
        QUIET + ['datasources.default.url'              : "jdbc:h2:mem:${name}-${UUID.randomUUID()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1".toString(),
                 'datasources.default.driver-class-name': 'org.h2.Driver',
                 'datasources.default.username'         : 'sa',
                 'datasources.default.password'         : '']
    }

    /** A new schema {@code schema} in the shared PostgreSQL server. */
    static Map<String, String> postgres(String schema) {
        sql("CREATE SCHEMA $schema")
        def url = TestDatabase.POSTGRES_URL + (TestDatabase.POSTGRES_URL.contains('?') ? '&' : '?') + "currentSchema=$schema"
        QUIET + ['datasources.default.url'              : url,
                 'datasources.default.driver-class-name': 'org.postgresql.Driver',
                 'datasources.default.username'         : TestDatabase.POSTGRES_USER,
                 'datasources.default.password'         : TestDatabase.POSTGRES_PASSWORD,
                 'flyway.datasources.default.schemas'   : schema]
    }

    /** A schema name no other spec uses. */
    static String schemaName(String prefix) {
        prefix + '_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)
    }

    static void drop(String schema) {
        sql("DROP SCHEMA IF EXISTS $schema CASCADE")
    }

    private static void sql(String statement) {
        DriverManager.getConnection(TestDatabase.POSTGRES_URL, TestDatabase.POSTGRES_USER, TestDatabase.POSTGRES_PASSWORD).withCloseable { c ->
            c.createStatement().withCloseable { it.execute(statement) }
        }
    }
}
