package io.sluice.adapters.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.sluice.application.port.TenantBufferPool;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

@Singleton
class JdbcTenantBufferPool implements TenantBufferPool {

    private final TransactionOperations<Connection> tx;

    JdbcTenantBufferPool(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    @Override
    public boolean tryReserve(TenantId tenant, long bytes, int headroomPercent, long tenantTotalBytes) {
        return tx.executeWrite(status -> {
            Connection c = status.getConnection();
            BatchSql.update(c, "INSERT INTO tenant_buffers (tenant, allocated_bytes) VALUES (?, 0) ON CONFLICT DO NOTHING",
                    tenant.value());
            // One statement decides and reserves, so concurrent admissions can never overdraw the tenant.
            return BatchSql.update(c, """
                    UPDATE tenant_buffers SET allocated_bytes = allocated_bytes + ?, version = version + 1
                    WHERE tenant = ? AND (? - allocated_bytes) * 100 >= ? * ?""",
                    bytes, tenant.value(), tenantTotalBytes, bytes, (long) headroomPercent) == 1;
        });
    }

    @Override
    public void release(TenantId tenant, long bytes) {
        tx.executeWrite(status -> BatchSql.update(status.getConnection(), """
                UPDATE tenant_buffers SET allocated_bytes = GREATEST(0, allocated_bytes - ?), version = version + 1
                WHERE tenant = ?""", bytes, tenant.value()));
    }

    @Override
    public long reservedBytes(TenantId tenant) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = BatchSql.prepare(status.getConnection(),
                    "SELECT allocated_bytes FROM tenant_buffers WHERE tenant = ?", tenant.value());
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }
}
