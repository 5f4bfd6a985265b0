package io.sluice.adapters.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.sluice.application.batch.ChunkFailureGroup;
import io.sluice.application.batch.ChunkPage;
import io.sluice.application.batch.ChunkView;
import io.sluice.application.port.ChunkListing;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.chunk.ChunkId;
import io.sluice.domain.chunk.ChunkStatus;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chunk pages and failure groups on H2 or PostgreSQL: plain reads of the {@code chunks} table (the
 * payloads and results are never touched), always filtered by tenant, bounded by {@code LIMIT}.
 */
@Singleton
class JdbcChunkListing implements ChunkListing {

    private final TransactionOperations<Connection> tx;

    JdbcChunkListing(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    @Override
    public ChunkPage page(TenantId tenant, BatchId batch, long offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset must be >= 0 and limit within 1.." + MAX_PAGE);
        }
        return tx.executeRead(status -> {
            Connection c = status.getConnection();
            long total;
            try (PreparedStatement ps = BatchSql.prepare(c, "SELECT COUNT(*) FROM chunks WHERE batch_id = ? AND tenant = ?",
                    batch.value(), tenant.value()); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            if (total == 0) {
                return ChunkPage.empty(offset);
            }
            List<ChunkView> chunks = new ArrayList<>(Math.min(limit, (int) Math.min(total, MAX_PAGE)));
            try (PreparedStatement ps = BatchSql.prepare(c, """
                    SELECT id, status, attempts, records, input_bytes, output_bytes, fetched, submitted_at, lease_until,
                        finished_at, last_failure
                    FROM chunks WHERE batch_id = ? AND tenant = ? ORDER BY seq LIMIT ? OFFSET ?""",
                    batch.value(), tenant.value(), limit, offset); ResultSet rs = ps.executeQuery()) {
                long position = offset;
                while (rs.next()) {
                    chunks.add(new ChunkView(new ChunkId(BatchSql.uuid(rs, "id")), ++position,
                            ChunkStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
                            rs.getInt("records"), rs.getLong("input_bytes"), rs.getLong("output_bytes"),
                            rs.getBoolean("fetched"), BatchSql.instant(rs, "submitted_at"),
                            BatchSql.instant(rs, "lease_until"), BatchSql.instant(rs, "finished_at"),
                            rs.getString("last_failure")));
                }
            }
            return new ChunkPage(chunks, offset, total);
        });
    }

    @Override
    public List<ChunkFailureGroup> failures(TenantId tenant, BatchId batch, int limit) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = BatchSql.prepare(status.getConnection(), """
                    SELECT last_failure, status = 'failed' AS final_failure, COUNT(*) AS chunks, SUM(records) AS records
                    FROM chunks WHERE batch_id = ? AND tenant = ? AND last_failure IS NOT NULL
                    GROUP BY last_failure, status = 'failed'
                    ORDER BY SUM(records) DESC, last_failure LIMIT ?""", batch.value(), tenant.value(), Math.max(1, limit));
                 ResultSet rs = ps.executeQuery()) {
                List<ChunkFailureGroup> groups = new ArrayList<>();
                while (rs.next()) {
                    groups.add(new ChunkFailureGroup(rs.getString("last_failure"), rs.getBoolean("final_failure"),
                            rs.getLong("chunks"), rs.getLong("records")));
                }
                return groups;
            }
        });
    }
}
