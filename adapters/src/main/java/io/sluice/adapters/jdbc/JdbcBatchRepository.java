package io.sluice.adapters.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.sluice.application.batch.BatchSnapshot;
import io.sluice.application.port.BatchRepository;
import io.sluice.domain.batch.Batch;
import io.sluice.domain.batch.BatchConfiguration;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.batch.BatchStatus;
import io.sluice.domain.batch.BatchTimestamps;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
class JdbcBatchRepository implements BatchRepository {

    private final TransactionOperations<Connection> tx;

    JdbcBatchRepository(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Batch batch) {
        BatchConfiguration c = batch.configuration();
        BatchTimestamps t = batch.timestamps();
        tx.executeWrite(status -> BatchSql.update(status.getConnection(), """
                INSERT INTO batches (id, tenant, created_by, status, service_id, version_id, service_uri, compiler_version,
                    unique_record_key, output_selection, call_purpose, source_system, correlation_id, initial_workers,
                    max_workers, runner_thread_count, chunks_per_thread, input_allocated_bytes, output_allocated_bytes,
                    acceptable_error_percentage, created_at, updated_at, admitted_at, started_at, closed_at, finished_at,
                    last_activity_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                batch.id().value(), batch.tenant().value(), batch.owner(), batch.status().wireName(),
                batch.service().serviceId(), batch.service().versionId(), batch.service().serviceUri(),
                batch.service().compilerVersion(), c.uniqueRecordKey(), BatchRows.selection(c.outputSelection()),
                c.callPurpose(), c.sourceSystem(), c.correlationId(), c.initialWorkers(), c.maxWorkers(),
                c.runnerThreadCount(), c.chunksPerThread(), c.inputBufferBytes(), c.outputBufferBytes(),
                c.acceptableErrorPercentage(), t.created(), t.updated(), t.admitted(), t.started(), t.closed(),
                t.finished(), t.lastActivity()));
    }

    @Override
    public Optional<BatchSnapshot> find(TenantId tenant, BatchId id) {
        return tx.executeRead(status -> BatchRows.find(status.getConnection(), tenant, id));
    }

    @Override
    public boolean updateStatus(Batch changed, BatchStatus expected) {
        BatchTimestamps t = changed.timestamps();
        return tx.executeWrite(status -> BatchSql.update(status.getConnection(), """
                UPDATE batches SET status = ?, updated_at = ?, admitted_at = ?, started_at = ?, closed_at = ?,
                    finished_at = ?, last_activity_at = ?, version = version + 1
                WHERE id = ? AND tenant = ? AND status = ?""",
                changed.status().wireName(), t.updated(), t.admitted(), t.started(), t.closed(), t.finished(),
                t.lastActivity(), changed.id().value(), changed.tenant().value(), expected.wireName()) == 1);
    }

    @Override
    public List<BatchSnapshot> findCurrent(TenantId tenant, Instant finishedSince) {
        return tx.executeRead(status -> BatchRows.snapshots(status.getConnection(), "SELECT " + BatchRows.COLUMNS
                        + " FROM batches b WHERE b.tenant = ? AND (b.finished_at IS NULL OR b.finished_at >= ?)"
                        + " ORDER BY b.created_at DESC", tenant.value(), finishedSince));
    }

    @Override
    public List<BatchSnapshot> findInStatus(List<BatchStatus> statuses, int limit) {
        Object[] params = new Object[statuses.size() + 1];
        for (int i = 0; i < statuses.size(); i++) {
            params[i] = statuses.get(i).wireName();
        }
        params[statuses.size()] = limit;
        return tx.executeRead(status -> BatchRows.snapshots(status.getConnection(), "SELECT " + BatchRows.COLUMNS
                + " FROM batches b WHERE b.status IN (" + BatchSql.marks(statuses.size()) + ") ORDER BY b.created_at LIMIT ?", params));
    }

    @Override
    public List<Batch> findHoldingBuffers(Instant finishedBefore, int limit) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = BatchSql.prepare(status.getConnection(), """
                    SELECT b.* FROM batches b WHERE b.finished_at < ? AND b.admitted_at IS NOT NULL
                    AND b.buffers_released_at IS NULL ORDER BY b.finished_at LIMIT ?""", finishedBefore, limit);
                 ResultSet rs = ps.executeQuery()) {
                List<Batch> batches = new ArrayList<>();
                while (rs.next()) {
                    batches.add(BatchRows.batch(rs));
                }
                return batches;
            }
        });
    }

    @Override
    public boolean markBuffersReleased(TenantId tenant, BatchId id, Instant now) {
        return tx.executeWrite(status -> BatchSql.update(status.getConnection(),
                "UPDATE batches SET buffers_released_at = ?, version = version + 1"
                        + " WHERE id = ? AND tenant = ? AND buffers_released_at IS NULL", now, id.value(), tenant.value()) == 1);
    }

    @Override
    public int purgeFinishedBefore(Instant finishedBefore) {
        return tx.executeWrite(status -> {
            Connection c = status.getConnection();
            String old = "SELECT id FROM batches WHERE finished_at < ? AND (admitted_at IS NULL OR buffers_released_at IS NOT NULL)";
            BatchSql.update(c, "DELETE FROM chunk_payloads WHERE batch_id IN (" + old + ")", finishedBefore);
            BatchSql.update(c, "DELETE FROM chunk_results WHERE batch_id IN (" + old + ")", finishedBefore);
            BatchSql.update(c, "DELETE FROM chunks WHERE batch_id IN (" + old + ")", finishedBefore);
            return BatchSql.update(c, "DELETE FROM batches WHERE finished_at < ? AND (admitted_at IS NULL OR buffers_released_at IS NOT NULL)",
                    finishedBefore);
        });
    }
}
