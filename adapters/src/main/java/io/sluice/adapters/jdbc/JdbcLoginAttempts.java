package io.sluice.adapters.jdbc;

import io.sluice.application.port.LoginAttempts;
import io.sluice.domain.identity.FailedLogins;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Failed logins in the {@code login_failures} table, shared by every node. A failure is an insert
 * of a zero row if there is none, then an increment under the row's lock, so concurrent failures
 * of one name are all counted. Names are kept as their SHA-256 only.
 */
@Singleton
@Transactional
class JdbcLoginAttempts implements LoginAttempts {

    private final DataSource dataSource;

    JdbcLoginAttempts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<FailedLogins> failures(TenantId tenant, String username) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, tenant, nameHash(username));
        } catch (SQLException e) {
            throw Sql.failure("reading failed logins of " + tenant, e);
        }
    }

    @Override
    public FailedLogins recordFailure(TenantId tenant, String username, Instant at) {
        String name = nameHash(username);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into login_failures (tenant, name_hash, failures, last_failed_at)
                     values (?, ?, 0, ?) on conflict do nothing""");
             PreparedStatement update = connection.prepareStatement("""
                     update login_failures set failures = failures + 1, last_failed_at = greatest(last_failed_at, ?)
                     where tenant = ? and name_hash = ?""")) {
            insert.setString(1, tenant.value());
            insert.setString(2, name);
            Sql.setInstant(insert, 3, at);
            insert.executeUpdate();
            Sql.setInstant(update, 1, at);
            update.setString(2, tenant.value());
            update.setString(3, name);
            update.executeUpdate();
            return read(connection, tenant, name).orElseThrow();
        } catch (SQLException e) {
            throw Sql.failure("counting a failed login of " + tenant, e);
        }
    }

    @Override
    public void clear(TenantId tenant, String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from login_failures where tenant = ? and name_hash = ?")) {
            delete.setString(1, tenant.value());
            delete.setString(2, nameHash(username));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("clearing failed logins of " + tenant, e);
        }
    }

    @Override
    public int forgetBefore(Instant before) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from login_failures where last_failed_at < ?")) {
            Sql.setInstant(delete, 1, before);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("forgetting old failed logins", e);
        }
    }

    private static Optional<FailedLogins> read(Connection connection, TenantId tenant, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select failures, last_failed_at from login_failures where tenant = ? and name_hash = ?")) {
            select.setString(1, tenant.value());
            select.setString(2, name);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getInt("failures") < 1) {
                    return Optional.empty();
                }
                return Optional.of(new FailedLogins(row.getInt("failures"), Sql.getInstant(row, "last_failed_at")));
            }
        }
    }

    private static String nameHash(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
