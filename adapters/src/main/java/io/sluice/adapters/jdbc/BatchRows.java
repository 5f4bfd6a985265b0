package io.sluice.adapters.jdbc;

import io.sluice.application.batch.BatchSnapshot;
import io.sluice.domain.batch.Batch;
import io.sluice.domain.batch.BatchConfiguration;
import io.sluice.domain.batch.BatchCounters;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.batch.BatchStatus;
import io.sluice.domain.batch.BatchTimestamps;
import io.sluice.domain.batch.PinnedServiceVersion;
import io.sluice.domain.buffer.BufferAccount;
import io.sluice.domain.record.OutputSelection;
import io.sluice.domain.tenant.TenantId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Maps {@code batches} rows to batches; never leaves the JDBC adapter. */
final class BatchRows {

    /** Separates output selection entries in one column (a control character no name or pattern holds). */
    static final String SEPARATOR = "\u001F";

    static final String COLUMNS = "b.*, (SELECT COUNT(*) FROM chunks c WHERE c.batch_id = b.id AND c.status = 'processing')"
            + " AS workers_in_use";

    private BatchRows() {
    }

    static String selection(OutputSelection selection) {
        return selection.keepsAll() ? null : String.join(SEPARATOR, selection.entries());
    }

    static Batch batch(ResultSet rs) throws SQLException {
        String selection = rs.getString("output_selection");
        List<String> entries = selection == null ? List.of() : Arrays.asList(selection.split(SEPARATOR, -1));
        BatchConfiguration configuration = new BatchConfiguration(rs.getInt("initial_workers"), rs.getInt("max_workers"),
                rs.getInt("runner_thread_count"), rs.getInt("chunks_per_thread"), rs.getLong("input_allocated_bytes"),
                rs.getLong("output_allocated_bytes"), rs.getInt("acceptable_error_percentage"), OutputSelection.of(entries),
                rs.getString("unique_record_key"), rs.getString("call_purpose"), rs.getString("source_system"),
                rs.getString("correlation_id"));
        BatchCounters counters = new BatchCounters(rs.getLong("chunks_submitted"), rs.getLong("chunks_completed"),
                rs.getLong("chunks_failed"), rs.getLong("chunks_retried"), rs.getLong("chunks_fetched"),
                rs.getLong("records_submitted"), rs.getLong("records_completed"), rs.getLong("records_failed"),
                rs.getLong("records_retried"), rs.getLong("compute_time_ms"));
        BatchTimestamps timestamps = new BatchTimestamps(BatchSql.instant(rs, "created_at"), BatchSql.instant(rs, "updated_at"),
                BatchSql.instant(rs, "admitted_at"), BatchSql.instant(rs, "started_at"), BatchSql.instant(rs, "closed_at"),
                BatchSql.instant(rs, "finished_at"), BatchSql.instant(rs, "last_activity_at"));
        long inAllocated = rs.getLong("input_allocated_bytes");
        long outAllocated = rs.getLong("output_allocated_bytes");
        // A result may overshoot the output buffer by what one claim computes; the account shows it full.
        BufferAccount input = new BufferAccount(inAllocated, Math.min(inAllocated, rs.getLong("input_used_bytes")));
        BufferAccount output = new BufferAccount(outAllocated, Math.min(outAllocated, rs.getLong("output_used_bytes")));
        return new Batch(new BatchId(BatchSql.uuid(rs, "id")), TenantId.of(rs.getString("tenant")), rs.getString("created_by"),
                new PinnedServiceVersion(BatchSql.uuid(rs, "service_id"), BatchSql.uuid(rs, "version_id"), rs.getString("service_uri"),
                        rs.getString("compiler_version")),
                configuration, BatchStatus.fromWireName(rs.getString("status")), counters, input, output, timestamps,
                rs.getLong("version"));
    }

    static BatchSnapshot snapshot(ResultSet rs) throws SQLException {
        return new BatchSnapshot(batch(rs), rs.getLong("records_available"), rs.getLong("input_size_bytes"),
                rs.getLong("output_size_bytes"), rs.getInt("workers_in_use"));
    }

    /** The tenant's batch as it is now, in the caller's transaction. */
    static Optional<BatchSnapshot> find(Connection c, TenantId tenant, BatchId id) throws SQLException {
        return snapshots(c, "SELECT " + COLUMNS + " FROM batches b WHERE b.id = ? AND b.tenant = ?", id.value(),
                tenant.value()).stream().findFirst();
    }

    /** The snapshots a query over {@code batches b} selecting {@link #COLUMNS} finds. */
    static List<BatchSnapshot> snapshots(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = BatchSql.prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<BatchSnapshot> found = new ArrayList<>();
            while (rs.next()) {
                found.add(snapshot(rs));
            }
            return found;
        }
    }
}
