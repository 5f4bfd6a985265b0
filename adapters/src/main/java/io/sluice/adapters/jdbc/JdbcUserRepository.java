package io.sluice.adapters.jdbc;

import io.sluice.application.port.UserRepository;
import io.sluice.domain.identity.UserAccount;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

@Singleton
@Transactional
class JdbcUserRepository implements UserRepository {

    private final DataSource dataSource;

    JdbcUserRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean add(UserAccount user) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into users (tenant, username, password_hash, roles, created_at)
                     values (?, ?, ?, ?, ?) on conflict do nothing""")) {
            insert.setString(1, user.tenant().value());
            insert.setString(2, user.username());
            insert.setString(3, user.passwordHash());
            insert.setString(4, Sql.joinRoles(user.roles()));
            Sql.setInstant(insert, 5, user.createdAt());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("adding user " + user.username() + " of " + user.tenant(), e);
        }
    }

    @Override
    public Optional<UserAccount> find(TenantId tenant, String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select username, password_hash, roles, created_at from users
                     where tenant = ? and username = ?""")) {
            select.setString(1, tenant.value());
            select.setString(2, username);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UserAccount(tenant, row.getString("username"), row.getString("password_hash"),
                        Sql.splitRoles(row.getString("roles")), Sql.getInstant(row, "created_at")));
            }
        } catch (SQLException e) {
            throw Sql.failure("reading user " + username + " of " + tenant, e);
        }
    }
}
