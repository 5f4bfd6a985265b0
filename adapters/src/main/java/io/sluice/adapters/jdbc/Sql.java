package io.sluice.adapters.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Conversions shared by the JDBC adapters; the same on H2 (PostgreSQL mode) and PostgreSQL. */
final class Sql {

    private Sql() {
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Roles never contain a comma (see {@code Names.requireRole}), so a sorted joined list stores them. */
    static String joinRoles(Set<String> roles) {
        return String.join(",", new TreeSet<>(roles));
    }

    static Set<String> splitRoles(String roles) {
        return roles.isEmpty() ? Set.of() : Arrays.stream(roles.split(",")).collect(Collectors.toUnmodifiableSet());
    }

    /** A failure of the database is no business of the caller's: it surfaces unchecked. */
    static IllegalStateException failure(String what, SQLException cause) {
        return new IllegalStateException(what + " failed: " + cause.getMessage(), cause);
    }
}
