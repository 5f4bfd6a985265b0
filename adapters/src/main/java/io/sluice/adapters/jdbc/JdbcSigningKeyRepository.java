package io.sluice.adapters.jdbc;

import io.sluice.application.port.SigningKeyRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

@Singleton
@Transactional
class JdbcSigningKeyRepository implements SigningKeyRepository {

    private final DataSource dataSource;

    JdbcSigningKeyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<String> find(String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select secret from signing_keys where name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString("secret")) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading signing key " + name, e);
        }
    }

    @Override
    public boolean addIfAbsent(String name, String key, Instant createdAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into signing_keys (name, secret, created_at) values (?, ?, ?) on conflict do nothing")) {
            insert.setString(1, name);
            insert.setString(2, key);
            Sql.setInstant(insert, 3, createdAt);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("storing signing key " + name, e);
        }
    }
}
