package io.sluice.adapters.jdbc;

import io.sluice.application.port.TenantRepository;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

@Singleton
@Transactional
class JdbcTenantRepository implements TenantRepository {

    private final DataSource dataSource;

    JdbcTenantRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean create(TenantId tenant, Instant createdAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into tenants (name, created_at) values (?, ?) on conflict do nothing")) {
            insert.setString(1, tenant.value());
            Sql.setInstant(insert, 2, createdAt);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("creating tenant " + tenant, e);
        }
    }

    @Override
    public boolean exists(TenantId tenant) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select 1 from tenants where name = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading tenant " + tenant, e);
        }
    }
}
