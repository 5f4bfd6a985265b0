package io.sluice.domain.tenant;

/**
 * How much of a tenant's buffer pool its batches hold and fill at one instant.
 *
 * @param poolBytes       the tenant's whole buffer pool
 * @param inputAllocated  input buffers of the batches holding buffers
 * @param inputUsed       bytes of chunks waiting in those input buffers
 * @param outputAllocated output buffers of the batches holding buffers
 * @param outputUsed      bytes of results waiting in those output buffers
 */
public record TenantUsage(long poolBytes, long inputAllocated, long inputUsed, long outputAllocated,
                          long outputUsed) {

    public long inputRemaining() {
        return inputAllocated - inputUsed;
    }

    public long outputRemaining() {
        return outputAllocated - outputUsed;
    }

    /** The part of the pool no batch holds. */
    public long freeBytes() {
        return Math.max(0, poolBytes - inputAllocated - outputAllocated);
    }
}
