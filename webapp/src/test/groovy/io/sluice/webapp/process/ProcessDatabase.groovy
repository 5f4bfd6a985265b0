package io.sluice.webapp.process

import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager

/**
 * The database a server process runs on, and a look into it between runs. H2 is the default file
 * database under the process's working directory, configured by nothing but {@code application.yml};
 * PostgreSQL is a fresh schema in the shared server ({@code 127.0.0.1:5432/test} unless
 * {@code SLUICE_TEST_POSTGRES_URL} says otherwise), dropped by {@link #close()}.
 */
abstract class ProcessDatabase implements AutoCloseable {

    static ProcessDatabase of(String kind, Path workDir) {
        kind == 'h2' ? new H2(workDir) : new Postgres()
    }

    /** System properties that point the server at this database. */
    abstract Map<String, Object> properties()

    abstract Connection connect()

    /** Chunks someone holds under a lease; the server must be stopped for H2, whose file it locks. */
    int chunksLeased() {
        connect().withCloseable { c ->
            c.createStatement().withCloseable { s ->
                s.executeQuery("SELECT COUNT(*) FROM chunks WHERE status = 'processing' OR lease_holder IS NOT NULL")
                        .withCloseable { rs -> rs.next(); rs.getInt(1) }
            }
        }
    }

    @Override
    void close() {
    }

    private static final class H2 extends ProcessDatabase {
        final Path workDir

        H2(Path workDir) {
            this.workDir = workDir
        }

        Map<String, Object> properties() {
            [:]
        }

        Connection connect() {
            DriverManager.getConnection("jdbc:h2:file:${workDir.resolve('data/sluice')};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + 'DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE', 'sa', '')
        }
    }

    private static final class Postgres extends ProcessDatabase {
        static final String SERVER = System.getProperty('SLUICE_TEST_POSTGRES_URL') ?: System.getenv('SLUICE_TEST_POSTGRES_URL')
                ?: 'jdbc:postgresql://127.0.0.1:5432/test'
        final String schema = 'sluice_process_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)

        Postgres() {
            admin("CREATE SCHEMA $schema")
        }

        Map<String, Object> properties() {
            ['datasources.default.url'              : "$SERVER?currentSchema=$schema".toString(),
             'datasources.default.driver-class-name': 'org.postgresql.Driver',
             'datasources.default.username'         : 'postgres',
             'datasources.default.password'         : '',
             'flyway.datasources.default.schemas'   : schema,
             'flyway.datasources.default.default-schema': schema]
        }

        Connection connect() {
            DriverManager.getConnection("$SERVER?currentSchema=$schema", 'postgres', '')
        }

        @Override
        void close() {
            admin("DROP SCHEMA IF EXISTS $schema CASCADE")
        }

        private static void admin(String statement) {
            DriverManager.getConnection(SERVER, 'postgres', '').withCloseable { c ->
                c.createStatement().withCloseable { it.execute(statement) }
            }
        }
    }
}
