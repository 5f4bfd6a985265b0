package io.sluice.adapters.jdbc

import spock.lang.Specification

import java.sql.DriverManager

class TestDatabaseIT extends Specification {

    def 'a PostgreSQL test database lives in its own schema, migrated, and is dropped on close'() {
        given:
        def database = TestDatabase.postgres()

        when:
        def tables = database.dataSource().connection.withCloseable { connection ->
            connection.metaData.getTables(null, database.schema, 'api_keys', null).next()
        }
        database.close()

        then:
        tables
        !schemaExists(database.schema)
    }

    private static boolean schemaExists(String schema) {
        DriverManager.getConnection(TestDatabase.POSTGRES_URL, TestDatabase.POSTGRES_USER, TestDatabase.POSTGRES_PASSWORD).withCloseable {
            def statement = it.prepareStatement('select 1 from information_schema.schemata where schema_name = ?')
            statement.setString(1, schema)
            statement.executeQuery().next()
        }
    }
}
