package io.sluice.application.port;

import io.sluice.domain.tenant.TenantId;

/**
 * The buffer bytes each tenant lends to its batches, shared by every node. Reservations are atomic:
 * two nodes admitting batches at once can never together overdraw a tenant.
 */
public interface TenantBufferPool {

    /**
     * Reserves {@code bytes} for a batch if the tenant has at least {@code headroomPercent} percent
     * of them free out of {@code tenantTotalBytes}; otherwise changes nothing.
     *
     * @return whether the bytes were reserved
     */
    boolean tryReserve(TenantId tenant, long bytes, int headroomPercent, long tenantTotalBytes);

    /** Gives back bytes an ended batch held. */
    void release(TenantId tenant, long bytes);

    /** The bytes the tenant's batches hold now. */
    long reservedBytes(TenantId tenant);
}
