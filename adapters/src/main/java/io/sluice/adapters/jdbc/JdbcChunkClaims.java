package io.sluice.adapters.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.sluice.application.chunk.ClaimedChunk;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.chunk.ChunkId;
import io.sluice.domain.tenant.TenantId;
import io.sluice.domain.tenant.WorkerAllocation;
import io.sluice.domain.tenant.WorkerDemand;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The claiming half of {@link JdbcChunkStore}. A tenant never has more chunks under a live lease
 * than its worker pool, and the pool is shared among its running batches by
 * {@link WorkerAllocation} (max-min fair, each batch capped by its {@code max_workers} and by what
 * it can use now). A batch holding more than its share keeps what it holds but claims nothing
 * more, so the shares even out as chunks finish; a chunk whose lease expired holds no worker.
 *
 * <p>Correct with many nodes on one database: a tenant's claims take turns on the tenant's row in
 * {@code tenant_workers} ({@code FOR UPDATE}), so each claim counts the workers in use after the
 * previous one committed and no two claims spend the same free worker. Chunk rows are taken with
 * {@code FOR UPDATE SKIP LOCKED}. Lock order: the tenant row, then chunk rows. A claim that follows
 * a completion in the same transaction holds that chunk's batch row and chunk row first; nothing
 * that holds a tenant row ever waits for a batch row (a claim reads batches without locking them,
 * skips locked chunk rows, and counts retries after it committed) and nothing else locks a tenant
 * row, so no cycle can form.
 */
final class JdbcChunkClaims {

    private static final String RUNNING = "('in_progress', 'closed', 'closed_by_timeout')";

    private final TransactionOperations<Connection> tx;
    private final AtomicInteger turn = new AtomicInteger();

    JdbcChunkClaims(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** A running batch of the tenant with work left, as the claim sees it. */
    private record Running(UUID id, String tenant, UUID versionId, int initialWorkers, int maxWorkers,
                           boolean outputRoom, int inUse, int expired, int waiting) {

        WorkerDemand demand() {
            long needed = outputRoom ? (long) inUse + waiting : inUse;
            return new WorkerDemand(new BatchId(id), initialWorkers, maxWorkers, needed);
        }
    }

    private record Candidate(Running batch, UUID id, int records, long inputBytes, int attempts, boolean expired) {
    }

    /** A candidate taken under this claim's lease, with its stored payload (null when it has none any more). */
    private record Taken(Candidate chunk, byte[] payload) {
    }

    /** The first turn of a claim, taken in a write transaction: the tenants with work, whose turn it was, what it took. */
    record FirstTurn(List<String> tenants, int start, List<Taken> taken) {
    }

    List<ClaimedChunk> claim(String holder, int max, Instant now, Duration lease, int tenantPool) {
        FirstTurn first = tx.executeWrite(status -> firstTurn(status.getConnection(), holder, max, now, lease, tenantPool));
        return finish(first, holder, max, now, lease, tenantPool);
    }

    /**
     * In the caller's write transaction: finds the tenants with work and claims for the one whose
     * turn it is. The other tenants, when more is wanted, get turns of their own in {@link #finish}.
     */
    FirstTurn firstTurn(Connection c, String holder, int max, Instant now, Duration lease, int tenantPool)
            throws SQLException {
        List<String> tenants = tenantsWithWork(c);
        if (tenants.isEmpty()) {
            return new FirstTurn(tenants, 0, List.of());
        }
        int start = Math.floorMod(turn.getAndIncrement(), tenants.size());
        return new FirstTurn(tenants, start, claimForTenant(c, tenants.get(start), holder, max, now, lease, tenantPool));
    }

    /** After the first turn committed: the other tenants' turns while more is wanted, then the reclaims counted. */
    List<ClaimedChunk> finish(FirstTurn first, String holder, int max, Instant now, Duration lease, int tenantPool) {
        List<String> tenants = first.tenants();
        List<Taken> claimed = new ArrayList<>(first.taken());
        for (int k = 1; k < tenants.size() && claimed.size() < max; k++) {
            String tenant = tenants.get((first.start() + k) % tenants.size());
            int wanted = max - claimed.size();
            claimed.addAll(tx.executeWrite(status ->
                    claimForTenant(status.getConnection(), tenant, holder, wanted, now, lease, tenantPool)));
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        countReclaims(claimed, now);
        List<ClaimedChunk> chunks = new ArrayList<>(claimed.size());
        for (Taken taken : claimed) {
            Candidate chunk = taken.chunk();
            if (taken.payload() != null) {
                chunks.add(new ClaimedChunk(TenantId.of(chunk.batch().tenant()), new BatchId(chunk.batch().id()),
                        new ChunkId(chunk.id()), chunk.batch().versionId(), chunk.records(), chunk.inputBytes(),
                        chunk.attempts() + 1, holder, taken.payload()));
            }
        }
        return chunks;
    }

    private static List<String> tenantsWithWork(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT b.tenant FROM batches b WHERE b.status IN " + RUNNING
                + " AND b.chunks_submitted > b.chunks_completed + b.chunks_failed"
                + " AND b.output_used_bytes < b.output_allocated_bytes ORDER BY b.tenant");
             ResultSet rs = ps.executeQuery()) {
            List<String> tenants = new ArrayList<>();
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
            return tenants;
        }
    }

    /** One tenant's claim, in one transaction holding the tenant's row: the chunks taken, with their payloads. */
    private static List<Taken> claimForTenant(Connection c, String tenant, String holder, int wanted, Instant now,
                                                  Duration lease, int pool) throws SQLException {
        lockTenant(c, tenant);
        List<Running> batches = runningBatches(c, tenant, now);
        WorkerAllocation allocation = WorkerAllocation.allocate(pool, batches.stream().map(Running::demand).toList());
        int free = pool - batches.stream().mapToInt(Running::inUse).sum();
        List<Running> neediest = batches.stream()
                .filter(Running::outputRoom)
                .sorted(Comparator.comparingInt((Running b) -> b.inUse() - allocation.workersFor(new BatchId(b.id()))))
                .toList();
        List<Candidate> taken = new ArrayList<>();
        for (Running batch : neediest) {
            int room = Math.min(Math.min(wanted - taken.size(), free - taken.size()),
                    allocation.workersFor(new BatchId(batch.id())) - batch.inUse());
            if (room > 0) {
                taken.addAll(lockChunks(c, batch, room, now));
            }
        }
        if (taken.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE chunks SET status = 'processing', attempts = attempts + 1, lease_holder = ?, lease_until = ?,
                    version = version + 1 WHERE batch_id = ? AND id = ?""")) {
            for (Candidate chunk : taken) {
                BatchSql.bind(ps, holder, now.plus(lease), chunk.batch().id(), chunk.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return withPayloads(c, taken);
    }

    private static void lockTenant(Connection c, String tenant) throws SQLException {
        if (!selectForUpdate(c, tenant)) {
            BatchSql.update(c, "INSERT INTO tenant_workers (tenant) VALUES (?) ON CONFLICT DO NOTHING", tenant);
            if (!selectForUpdate(c, tenant)) {
                throw new IllegalStateException("no worker row for tenant " + tenant);
            }
        }
    }

    private static boolean selectForUpdate(Connection c, String tenant) throws SQLException {
        try (PreparedStatement ps = BatchSql.prepare(c, "SELECT tenant FROM tenant_workers WHERE tenant = ? FOR UPDATE", tenant);
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * The tenant's batches with work left, in admission order, with the workers they hold (live leases
     * only) and the chunks waiting for one: every chunk not finished is queued or leased, so the
     * waiting ones are the unfinished ones (the batch's counters) less those under a live lease (a
     * lookup of the leased chunks alone, however many chunks the batch has had).
     */
    private static List<Running> runningBatches(Connection c, String tenant, Instant now) throws SQLException {
        try (PreparedStatement ps = BatchSql.prepare(c, """
                SELECT b.id, b.version_id, b.initial_workers, b.max_workers,
                    CASE WHEN b.output_used_bytes < b.output_allocated_bytes THEN 1 ELSE 0 END AS output_room,
                    b.chunks_submitted - b.chunks_completed - b.chunks_failed AS unfinished,
                    (SELECT COUNT(*) FROM chunks c WHERE c.batch_id = b.id AND c.status = 'processing'
                        AND c.fetched = FALSE AND c.lease_until > ?) AS in_use,
                    (SELECT COUNT(*) FROM chunks c WHERE c.batch_id = b.id AND c.status = 'processing'
                        AND c.fetched = FALSE AND c.lease_until <= ?) AS expired
                FROM batches b
                WHERE b.tenant = ? AND b.status IN""" + RUNNING + """
                  AND b.chunks_submitted > b.chunks_completed + b.chunks_failed
                ORDER BY b.created_at, b.id""", now, now, tenant); ResultSet rs = ps.executeQuery()) {
            List<Running> batches = new ArrayList<>();
            while (rs.next()) {
                int inUse = rs.getInt("in_use");
                batches.add(new Running(BatchSql.uuid(rs, "id"), tenant, BatchSql.uuid(rs, "version_id"),
                        rs.getInt("initial_workers"), rs.getInt("max_workers"), rs.getInt("output_room") == 1,
                        inUse, rs.getInt("expired"), Math.toIntExact(rs.getLong("unfinished") - inUse)));
            }
            return batches;
        }
    }

    /**
     * Locks up to {@code room} chunks of the batch: those whose lease expired first (they waited
     * longest), then queued ones, each oldest first. Each lookup is one index range over chunks
     * still in the input buffer; the first is skipped when the batch had no expired lease as of
     * {@code now} (none can expire as of {@code now} meanwhile: a new lease runs past it).
     */
    private static List<Candidate> lockChunks(Connection c, Running batch, int room, Instant now) throws SQLException {
        List<Candidate> found = new ArrayList<>();
        if (batch.expired() > 0) {
            found.addAll(lock(c, batch, true, """
                    SELECT id, records, input_bytes, attempts FROM chunks
                    WHERE batch_id = ? AND status = 'processing' AND fetched = FALSE AND lease_until <= ?
                    ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""", batch.id(), now, room));
        }
        if (found.size() < room) {
            found.addAll(lock(c, batch, false, """
                    SELECT id, records, input_bytes, attempts FROM chunks
                    WHERE batch_id = ? AND status = 'queued' AND fetched = FALSE
                    ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""", batch.id(), room - found.size()));
        }
        return found;
    }

    private static List<Candidate> lock(Connection c, Running batch, boolean expired, String sql, Object... params)
            throws SQLException {
        try (PreparedStatement ps = BatchSql.prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<Candidate> found = new ArrayList<>();
            while (rs.next()) {
                found.add(candidate(batch, rs, expired));
            }
            return found;
        }
    }

    private static Candidate candidate(Running batch, ResultSet rs, boolean expired) throws SQLException {
        return new Candidate(batch, BatchSql.uuid(rs, "id"), rs.getInt("records"), rs.getLong("input_bytes"),
                rs.getInt("attempts"), expired);
    }

    /** Chunks taken back from an expired lease count as retried; in a transaction of their own (lock order). */
    private void countReclaims(List<Taken> claimed, Instant now) {
        Map<UUID, long[]> retried = new HashMap<>();
        for (Taken taken : claimed) {
            Candidate chunk = taken.chunk();
            if (chunk.expired()) {
                long[] counts = retried.computeIfAbsent(chunk.batch().id(), id -> new long[2]);
                counts[0]++;
                counts[1] += chunk.records();
            }
        }
        if (retried.isEmpty()) {
            return;
        }
        tx.executeWrite(status -> {
            for (Map.Entry<UUID, long[]> e : retried.entrySet()) {
                BatchSql.update(status.getConnection(), """
                        UPDATE batches SET chunks_retried = chunks_retried + ?, records_retried = records_retried + ?,
                            updated_at = ?, version = version + 1 WHERE id = ?""", e.getValue()[0], e.getValue()[1], now, e.getKey());
            }
            return null;
        });
    }

    private static List<Taken> withPayloads(Connection c, List<Candidate> taken) throws SQLException {
        Map<UUID, byte[]> payloads = new HashMap<>();
        Map<UUID, List<UUID>> byBatch = new LinkedHashMap<>();
        taken.forEach(chunk -> byBatch.computeIfAbsent(chunk.batch().id(), b -> new ArrayList<>()).add(chunk.id()));
        for (Map.Entry<UUID, List<UUID>> e : byBatch.entrySet()) {
            Object[] params = new Object[e.getValue().size() + 1];
            params[0] = e.getKey();
            for (int i = 0; i < e.getValue().size(); i++) {
                params[i + 1] = e.getValue().get(i);
            }
            try (PreparedStatement ps = BatchSql.prepare(c, "SELECT chunk_id, payload FROM chunk_payloads"
                    + " WHERE batch_id = ? AND chunk_id IN (" + BatchSql.marks(e.getValue().size()) + ")", params);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payloads.put(BatchSql.uuid(rs, "chunk_id"), rs.getBytes("payload"));
                }
            }
        }
        return taken.stream().map(chunk -> new Taken(chunk, payloads.get(chunk.id()))).toList();
    }
}
