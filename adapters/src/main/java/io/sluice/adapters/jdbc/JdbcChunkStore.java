package io.sluice.adapters.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.sluice.application.batch.BatchNotFoundException;
import io.sluice.application.chunk.ChunkOutcome;
import io.sluice.application.chunk.ClaimedChunk;
import io.sluice.application.chunk.NewChunk;
import io.sluice.application.chunk.StoredResult;
import io.sluice.application.port.ChunkStore;
import io.sluice.domain.batch.Batch;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.chunk.ChunkConflictException;
import io.sluice.domain.chunk.ChunkId;
import io.sluice.domain.tenant.Caller;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Chunks on H2 or PostgreSQL. Lock order is always the batch row first, then its chunk rows; claims
 * ({@link JdbcChunkClaims}) lock a tenant row and chunk rows only (after the batch row and chunk
 * row of a completion in the same transaction) and count retries in a transaction of their own,
 * so no two statements ever wait on each other in a cycle.
 */
@Singleton
class JdbcChunkStore implements ChunkStore {

    private final TransactionOperations<Connection> tx;
    private final JdbcChunkClaims claims;

    JdbcChunkStore(TransactionOperations<Connection> tx) {
        this.tx = tx;
        this.claims = new JdbcChunkClaims(tx);
    }

    @Override
    public Posted submit(Caller caller, BatchId batchId, List<NewChunk> chunks, Instant now) {
        TenantId tenant = caller.tenant();
        return tx.executeWrite(status -> {
            Connection c = status.getConnection();
            Batch batch;
            try (PreparedStatement ps = BatchSql.prepare(c, "SELECT b.* FROM batches b WHERE b.id = ? AND b.tenant = ? FOR UPDATE",
                    batchId.value(), tenant.value()); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new BatchNotFoundException(batchId);
                }
                batch = BatchRows.batch(rs);
            }
            if (!caller.canSee(batch.tenant(), batch.owner())) {
                throw new BatchNotFoundException(batchId);
            }
            List<NewChunk> fresh = newChunks(c, batchId, chunks);
            long records = 0;
            long bytes = 0;
            for (NewChunk chunk : fresh) {
                records += chunk.records();
                bytes += chunk.bytes();
            }
            Batch accepted = batch.acceptChunks(fresh.size(), records, bytes, now);
            if (!fresh.isEmpty()) {
                insert(c, tenant, batchId, fresh, now);
                BatchSql.update(c, """
                        UPDATE batches SET status = ?, started_at = ?, last_activity_at = ?, updated_at = ?,
                            chunks_submitted = chunks_submitted + ?, records_submitted = records_submitted + ?,
                            input_used_bytes = input_used_bytes + ?, input_size_bytes = input_size_bytes + ?, version = version + 1
                        WHERE id = ?""",
                        accepted.status().wireName(), accepted.timestamps().started(), now, now, fresh.size(), records,
                        bytes, bytes, batchId.value());
            }
            return new Posted(fresh.size(), BatchRows.find(c, tenant, batchId).orElseThrow());
        });
    }

    /** The chunks not stored yet; a re-post with the same content is dropped, with other content refused. */
    private static List<NewChunk> newChunks(Connection c, BatchId batchId, List<NewChunk> chunks) throws SQLException {
        Map<UUID, NewChunk> posted = new LinkedHashMap<>();
        for (NewChunk chunk : chunks) {
            NewChunk earlier = posted.putIfAbsent(chunk.id().value(), chunk);
            if (earlier != null && !earlier.fingerprint().equals(chunk.fingerprint())) {
                throw new ChunkConflictException(chunk.id());
            }
        }
        Object[] params = new Object[posted.size() + 1];
        params[0] = batchId.value();
        int i = 1;
        for (UUID id : posted.keySet()) {
            params[i++] = id;
        }
        try (PreparedStatement ps = BatchSql.prepare(c, "SELECT id, content_hash FROM chunks WHERE batch_id = ? AND id IN ("
                + BatchSql.marks(posted.size()) + ")", params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                NewChunk again = posted.remove(BatchSql.uuid(rs, "id"));
                if (!again.fingerprint().sha256Hex().equals(rs.getString("content_hash"))) {
                    throw new ChunkConflictException(again.id());
                }
            }
        }
        return new ArrayList<>(posted.values());
    }

    private static void insert(Connection c, TenantId tenant, BatchId batchId, List<NewChunk> fresh, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO chunks (batch_id, id, tenant, seq, status, records, input_bytes, content_hash, submitted_at)
                VALUES (?, ?, ?, nextval('chunk_seq'), 'queued', ?, ?, ?, ?)""")) {
            for (NewChunk chunk : fresh) {
                BatchSql.bind(ps, batchId.value(), chunk.id().value(), tenant.value(), chunk.records(), chunk.bytes(),
                        chunk.fingerprint().sha256Hex(), now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chunk_payloads (batch_id, chunk_id, payload) VALUES (?, ?, ?)")) {
            for (NewChunk chunk : fresh) {
                ps.setObject(1, batchId.value());
                ps.setObject(2, chunk.id().value());
                ps.setBytes(3, chunk.payload());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<ClaimedChunk> claim(String holder, int max, Instant now, Duration lease, int tenantWorkerPool) {
        return claims.claim(holder, max, now, lease, tenantWorkerPool);
    }

    @Override
    public boolean complete(ClaimedChunk chunk, ChunkOutcome outcome, Instant now) {
        return tx.executeWrite(status -> store(status, chunk, outcome, now));
    }

    @Override
    public Completed completeAndClaim(ClaimedChunk chunk, ChunkOutcome outcome, Instant now, int max, Duration lease,
                                      int tenantWorkerPool) {
        JdbcChunkClaims.FirstTurn first = tx.executeWrite(status -> store(status, chunk, outcome, now)
                ? claims.firstTurn(status.getConnection(), chunk.holder(), max, now, lease, tenantWorkerPool)
                : null);
        return first == null ? new Completed(false, List.of())
                : new Completed(true, claims.finish(first, chunk.holder(), max, now, lease, tenantWorkerPool));
    }

    /** Stores a claim's result in the caller's transaction, or marks it for rollback when the claim no longer holds the chunk. */
    private static boolean store(TransactionStatus<Connection> status, ClaimedChunk chunk, ChunkOutcome outcome, Instant now)
            throws SQLException {
        Connection c = status.getConnection();
        boolean failed = outcome.failed();
        int records = outcome.records();
        long bytes = outcome.result().length;
        // The batch row first (lock order), and only while it is not cancelled.
        int counted = BatchSql.update(c, """
                UPDATE batches SET chunks_completed = chunks_completed + ?, chunks_failed = chunks_failed + ?,
                    records_completed = records_completed + ?, records_failed = records_failed + ?,
                    compute_time_ms = compute_time_ms + ?, input_used_bytes = input_used_bytes - ?,
                    output_used_bytes = output_used_bytes + ?, output_size_bytes = output_size_bytes + ?,
                    records_available = records_available + ?, updated_at = ?, version = version + 1
                WHERE id = ? AND tenant = ? AND status <> 'cancelled'""",
                failed ? 0 : 1, failed ? 1 : 0, failed ? 0 : records, failed ? records : outcome.recordsWithErrors(),
                outcome.computeMillis(), chunk.inputBytes(), bytes, bytes, records, now,
                chunk.batch().value(), chunk.tenant().value());
        int held = counted == 0 ? 0 : BatchSql.update(c, """
                UPDATE chunks SET status = ?, lease_holder = NULL, lease_until = NULL, output_bytes = ?, finished_at = ?,
                    last_failure = ?, version = version + 1
                WHERE batch_id = ? AND id = ? AND status = 'processing' AND lease_holder = ? AND attempts = ?""",
                failed ? "failed" : "completed", bytes, now, outcome.failure(), chunk.batch().value(),
                chunk.id().value(), chunk.holder(), chunk.attempt());
        if (held == 0) {
            status.setRollbackOnly();
            return false;
        }
        try (PreparedStatement ps = BatchSql.prepare(c, "INSERT INTO chunk_results (batch_id, chunk_id, result) VALUES (?, ?, ?)",
                chunk.batch().value(), chunk.id().value(), outcome.result())) {
            ps.executeUpdate();
        }
        BatchSql.update(c, "DELETE FROM chunk_payloads WHERE batch_id = ? AND chunk_id = ?", chunk.batch().value(),
                chunk.id().value());
        return true;
    }

    @Override
    public boolean retry(ClaimedChunk chunk, String reason, Instant now) {
        return tx.executeWrite(status -> {
            Connection c = status.getConnection();
            int counted = BatchSql.update(c, """
                    UPDATE batches SET chunks_retried = chunks_retried + 1, records_retried = records_retried + ?,
                        updated_at = ?, version = version + 1 WHERE id = ? AND tenant = ?""",
                    chunk.records(), now, chunk.batch().value(), chunk.tenant().value());
            int held = counted == 0 ? 0 : BatchSql.update(c, """
                    UPDATE chunks SET status = 'queued', lease_holder = NULL, lease_until = NULL, last_failure = ?,
                        version = version + 1
                    WHERE batch_id = ? AND id = ? AND status = 'processing' AND lease_holder = ? AND attempts = ?""",
                    truncate(reason), chunk.batch().value(), chunk.id().value(), chunk.holder(), chunk.attempt());
            if (held == 0) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        });
    }

    @Override
    public List<StoredResult> takeResults(TenantId tenant, BatchId batchId, int max, Instant now) {
        return tx.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement ps = BatchSql.prepare(c, "SELECT id FROM batches WHERE id = ? AND tenant = ? FOR UPDATE",
                    batchId.value(), tenant.value()); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new BatchNotFoundException(batchId);
                }
            }
            List<Computed> computed = computed(c, batchId, max);
            if (computed.isEmpty()) {
                BatchSql.update(c, "UPDATE batches SET last_activity_at = ? WHERE id = ?", now, batchId.value());
                return List.<StoredResult>of();
            }
            Object[] params = new Object[computed.size() + 1];
            params[0] = batchId.value();
            long bytes = 0;
            long recordCount = 0;
            for (int i = 0; i < computed.size(); i++) {
                params[i + 1] = computed.get(i).id();
                bytes += computed.get(i).outputBytes();
                recordCount += computed.get(i).records();
            }
            Map<UUID, byte[]> results = new HashMap<>();
            String in = " WHERE batch_id = ? AND chunk_id IN (" + BatchSql.marks(computed.size()) + ")";
            try (PreparedStatement ps = BatchSql.prepare(c, "SELECT chunk_id, result FROM chunk_results" + in, params);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    results.put(BatchSql.uuid(rs, "chunk_id"), rs.getBytes("result"));
                }
            }
            BatchSql.update(c, "DELETE FROM chunk_results" + in, params);
            BatchSql.update(c, "UPDATE chunks SET fetched = TRUE, version = version + 1 WHERE batch_id = ? AND id IN ("
                    + BatchSql.marks(computed.size()) + ")", params);
            BatchSql.update(c, """
                    UPDATE batches SET chunks_fetched = chunks_fetched + ?, output_used_bytes = output_used_bytes - ?,
                        records_available = records_available - ?, last_activity_at = ?, updated_at = ?, version = version + 1
                    WHERE id = ?""", computed.size(), bytes, recordCount, now, now, batchId.value());
            return computed.stream()
                    .map(chunk -> new StoredResult(new ChunkId(chunk.id()), chunk.records(), results.get(chunk.id())))
                    .toList();
        });
    }

    /** A computed chunk whose result waits in the output buffer. */
    private record Computed(long seq, UUID id, int records, long outputBytes) {
    }

    /**
     * The first {@code max} computed chunks not fetched yet, in submission order: the completed and
     * the failed ones looked up apart (each one index range over the output buffer), then merged.
     */
    private static List<Computed> computed(Connection c, BatchId batchId, int max) throws SQLException {
        List<Computed> found = new ArrayList<>();
        for (String state : List.of("completed", "failed")) {
            try (PreparedStatement ps = BatchSql.prepare(c, """
                    SELECT seq, id, records, output_bytes FROM chunks WHERE batch_id = ? AND status = ? AND fetched = FALSE
                    ORDER BY seq LIMIT ?""", batchId.value(), state, max); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Computed(rs.getLong("seq"), BatchSql.uuid(rs, "id"), rs.getInt("records"),
                            rs.getLong("output_bytes")));
                }
            }
        }
        found.sort(Comparator.comparingLong(Computed::seq));
        return found.size() > max ? found.subList(0, max) : found;
    }

    @Override
    public void discard(TenantId tenant, BatchId batchId) {
        tx.executeWrite(status -> {
            Connection c = status.getConnection();
            int found = BatchSql.update(c, """
                    UPDATE batches SET input_used_bytes = 0, output_used_bytes = 0, records_available = 0, version = version + 1
                    WHERE id = ? AND tenant = ?""", batchId.value(), tenant.value());
            if (found == 0) {
                throw new BatchNotFoundException(batchId);
            }
            BatchSql.update(c, "DELETE FROM chunk_payloads WHERE batch_id = ?", batchId.value());
            BatchSql.update(c, "DELETE FROM chunk_results WHERE batch_id = ?", batchId.value());
            BatchSql.update(c, "UPDATE chunks SET fetched = TRUE, lease_holder = NULL, lease_until = NULL,"
                    + " status = CASE WHEN status IN ('queued', 'processing') THEN 'failed' ELSE status END,"
                    + " version = version + 1 WHERE batch_id = ?", batchId.value());
            return null;
        });
    }

    @Override
    public int releaseAll(String holder) {
        return tx.executeWrite(status -> BatchSql.update(status.getConnection(), """
                UPDATE chunks SET status = 'queued', attempts = attempts - 1, lease_holder = NULL, lease_until = NULL,
                    version = version + 1 WHERE status = 'processing' AND lease_holder = ?""", holder));
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    }
}
