package io.sluice.adapters.jdbc;

import io.sluice.application.port.ApiKeyRepository;
import io.sluice.domain.identity.ApiKey;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
@Transactional
class JdbcApiKeyRepository implements ApiKeyRepository {

    private static final String COLUMNS =
            "id, tenant, name, owner, roles, lookup, secret_hash, created_at, last_used_at, revoked_at";

    private final DataSource dataSource;

    JdbcApiKeyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void add(ApiKey key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into api_keys (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, key.id());
            insert.setString(2, key.tenant().value());
            insert.setString(3, key.name());
            insert.setString(4, key.owner());
            insert.setString(5, Sql.joinRoles(key.roles()));
            insert.setString(6, key.lookup());
            insert.setString(7, key.secretHash());
            Sql.setInstant(insert, 8, key.createdAt());
            Sql.setInstant(insert, 9, key.lastUsedAt());
            Sql.setInstant(insert, 10, key.revokedAt());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("adding API key " + key.id(), e);
        }
    }

    @Override
    public List<ApiKey> findByLookup(String lookup) {
        return query("select " + COLUMNS + " from api_keys where lookup = ?", lookup);
    }

    @Override
    public Optional<ApiKey> find(TenantId tenant, UUID id) {
        return query("select " + COLUMNS + " from api_keys where tenant = ? and id = ?", tenant.value(), id)
                .stream().findFirst();
    }

    @Override
    public List<ApiKey> list(TenantId tenant) {
        return query("select " + COLUMNS + " from api_keys where tenant = ? order by created_at, id", tenant.value());
    }

    @Override
    public boolean revoke(TenantId tenant, UUID id, Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update api_keys set revoked_at = coalesce(revoked_at, ?) where tenant = ? and id = ?")) {
            Sql.setInstant(update, 1, at);
            update.setString(2, tenant.value());
            update.setObject(3, id);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("revoking API key " + id, e);
        }
    }

    @Override
    public void recordUse(TenantId tenant, UUID id, Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update api_keys set last_used_at = ? where tenant = ? and id = ?")) {
            Sql.setInstant(update, 1, at);
            update.setString(2, tenant.value());
            update.setObject(3, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("recording use of API key " + id, e);
        }
    }

    private List<ApiKey> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<ApiKey> keys = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    keys.add(map(row));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw Sql.failure("reading API keys", e);
        }
    }

    private static ApiKey map(ResultSet row) throws SQLException {
        return new ApiKey(row.getObject("id", UUID.class), TenantId.of(row.getString("tenant")),
                row.getString("name"), row.getString("owner"), Sql.splitRoles(row.getString("roles")),
                row.getString("lookup"), row.getString("secret_hash"), Sql.getInstant(row, "created_at"),
                Sql.getInstant(row, "last_used_at"), Sql.getInstant(row, "revoked_at"));
    }
}
