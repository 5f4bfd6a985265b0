package io.sluice.application.batch;

import java.util.List;

/**
 * {@code GET /batch/status}: the caller's visible batches that run and that ended recently, and the
 * tenant's buffers and workers.
 */
public record TenantBatchStatusView(List<BatchSnapshot> inProgress, List<BatchSnapshot> recent,
                                    long inputBufferAllocatedBytes, long outputBufferAllocatedBytes, int maxWorkers,
                                    long inputBufferUsedBytes, long outputBufferUsedBytes, long workersInUse,
                                    long tenantBufferBytes, long tenantBufferReservedBytes) {
}
