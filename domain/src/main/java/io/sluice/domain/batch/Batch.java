package io.sluice.domain.batch;

import io.sluice.domain.buffer.BufferAccount;
import io.sluice.domain.buffer.BufferFullException;
import io.sluice.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A batch: a stream of chunks computed against one pinned service version, owned by one caller of
 * one tenant. Immutable: every named transition returns the new state and leaves this one as it was.
 * The canonical constructor restores a batch from stored fields; {@link #create} starts a new one.
 *
 * <p>Status changes go only through the named methods, which all pass through
 * {@link BatchStatus#checkTransitionTo}. Admission is a fact of its own ({@link #isAdmitted()}): a
 * new batch is {@code created} and not yet admitted until its tenant decides, then either
 * {@link #admit} (status unchanged) or {@link #pend} (waits as {@code pending}, admitted later).
 *
 * <p>Rules kept here: chunks are accepted only by an admitted {@code created} or
 * {@code in_progress} batch, the first one starts it; {@link #settle} applies the completion rule;
 * {@link #timeOutIfInactive} the inactivity rule. Time is always passed in.
 *
 * <p>The batch owns its two buffers. Accepted chunks occupy the input buffer until they are
 * computed; their results then occupy the output buffer until the client fetches them. Each move is
 * all or nothing ({@link BufferFullException}, nothing changed). Invariant: each buffer's allocation
 * is the one in the configuration.
 *
 * @param version the optimistic-locking version it was read at; transitions keep it, the store
 *                increments it when it writes the new state
 */
public record Batch(BatchId id, TenantId tenant, String owner, PinnedServiceVersion service,
                    BatchConfiguration configuration, BatchStatus status, BatchCounters counters,
                    BufferAccount inputBuffer, BufferAccount outputBuffer, BatchTimestamps timestamps, long version) {

    /** No chunk posted and no result fetched for this long closes a batch by timeout. */
    public static final Duration INACTIVITY_TIMEOUT = Duration.ofMinutes(30);

    public Batch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("batch owner must not be blank");
        }
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(timestamps, "timestamps");
        if (inputBuffer.allocatedBytes() != configuration.inputBufferBytes()
                || outputBuffer.allocatedBytes() != configuration.outputBufferBytes()) {
            throw new IllegalArgumentException("a batch's buffers are allocated as its configuration says");
        }
    }

    /** A new batch: {@code created}, not yet admitted, no chunks. */
    public static Batch create(BatchId id, TenantId tenant, String owner, PinnedServiceVersion service,
                               BatchConfiguration configuration, Instant now) {
        return new Batch(id, tenant, owner, service, configuration, BatchStatus.CREATED, BatchCounters.ZERO,
                BufferAccount.empty(configuration.inputBufferBytes()),
                BufferAccount.empty(configuration.outputBufferBytes()), BatchTimestamps.createdAt(now), 0);
    }

    /** Its buffers are reserved in the tenant's pool (from admission until they are released). */
    public boolean isAdmitted() {
        return timestamps.admitted() != null;
    }

    /**
     * The tenant has room: a new batch keeps {@code created}, a pending one becomes {@code created}.
     * The inactivity timeout counts from here.
     */
    public Batch admit(Instant now) {
        BatchStatus next = status == BatchStatus.CREATED && !isAdmitted()
                ? BatchStatus.CREATED : status.checkTransitionTo(BatchStatus.CREATED);
        return with(next, counters, timestamps.admittedAt(now));
    }

    /** The tenant has no room yet: wait as {@code pending}, holding no buffers. */
    public Batch pend(Instant now) {
        BatchStatus next = status.checkTransitionTo(BatchStatus.PENDING);
        BatchTimestamps t = timestamps.updatedAt(now);
        return with(next, counters, new BatchTimestamps(t.created(), t.updated(), null, t.started(), t.closed(),
                t.finished(), t.lastActivity()));
    }

    /** {@code created} to {@code in_progress}; normally done by {@link #acceptChunks} on the first post. */
    public Batch start(Instant now) {
        return with(status.checkTransitionTo(BatchStatus.IN_PROGRESS), counters, timestamps.startedAt(now));
    }

    /**
     * Takes one post of chunks into the input buffer, all or nothing, and counts them; the first
     * ones start the batch. Check {@code inputBuffer().neverFits(bytes)} first to tell a post that
     * can never fit from one that must wait.
     *
     * @param bytes the size of all chunks of the post together
     * @throws BatchNotAcceptingChunksException unless the batch is admitted and created or in progress
     * @throws BufferFullException              when they do not fit whole; nothing changes
     */
    public Batch acceptChunks(long chunks, long records, long bytes, Instant now) {
        if (!status.acceptsChunks() || !isAdmitted()) {
            throw new BatchNotAcceptingChunksException(id, status);
        }
        BufferAccount input = inputBuffer.reserve(bytes);
        BatchStatus next = status == BatchStatus.CREATED ? status.checkTransitionTo(BatchStatus.IN_PROGRESS) : status;
        return new Batch(id, tenant, owner, service, configuration, next, counters.submitted(chunks, records), input,
                outputBuffer, timestamps.startedAt(now), version);
    }

    /**
     * A worker computed a chunk: its input leaves the input buffer, its result enters the output
     * buffer, {@code recordsWithErrors} of its records carry an error.
     *
     * @throws BufferFullException when the result does not fit the output buffer; nothing changes,
     *                             and the pipeline waits for the client to fetch
     */
    public Batch recordChunkCompleted(long records, long recordsWithErrors, long computeMillis, long inputBytes,
                                      long resultBytes, Instant now) {
        return moveResult(counters.chunkCompleted(records, recordsWithErrors, computeMillis), inputBytes, resultBytes,
                now);
    }

    /**
     * A chunk failed its last attempt; its result, an error for every record, moves to the output
     * buffer like any other.
     *
     * @throws BufferFullException when the result does not fit the output buffer; nothing changes
     */
    public Batch recordChunkFailed(long records, long computeMillis, long inputBytes, long resultBytes, Instant now) {
        return moveResult(counters.chunkFailed(records, computeMillis), inputBytes, resultBytes, now);
    }

    /** A chunk failed an attempt (or lost its lease) and is queued again. */
    public Batch recordChunkRetried(long records, Instant now) {
        return with(status, counters.chunkRetried(records), timestamps.updatedAt(now));
    }

    /** The client fetched results of {@code bytes}: they leave the output buffer, and the batch counts as active. */
    public Batch recordResultsFetched(long chunks, long bytes, Instant now) {
        return new Batch(id, tenant, owner, service, configuration, status, counters.fetched(chunks), inputBuffer,
                outputBuffer.release(bytes), timestamps.activeAt(now), version);
    }

    /** The client stops intake; accepted work still finishes and can be fetched. */
    public Batch close(Instant now) {
        return with(status.checkTransitionTo(BatchStatus.CLOSED), counters, timestamps.closedAt(now));
    }

    /** Intake stops because nobody posted or fetched for {@link #INACTIVITY_TIMEOUT}. */
    public Batch closeByTimeout(Instant now) {
        return with(status.checkTransitionTo(BatchStatus.CLOSED_BY_TIMEOUT), counters, timestamps.closedAt(now));
    }

    public Batch complete(Instant now) {
        return with(status.checkTransitionTo(BatchStatus.COMPLETED), counters, timestamps.finishedAt(now));
    }

    public Batch completeByTimeout(Instant now) {
        return with(status.checkTransitionTo(BatchStatus.COMPLETED_BY_TIMEOUT), counters, timestamps.finishedAt(now));
    }

    /** Ends the batch as failed: by the completion rule, or because it cannot run at all. */
    public Batch fail(Instant now) {
        return with(status.checkTransitionTo(BatchStatus.FAILED), counters, timestamps.finishedAt(now));
    }

    /** Stops at once and discards the contents of both buffers (the stored chunks and results go too). */
    public Batch cancel(Instant now) {
        return new Batch(id, tenant, owner, service, configuration, status.checkTransitionTo(BatchStatus.CANCELLED),
                counters, inputBuffer.discardAll(), outputBuffer.discardAll(), timestamps.finishedAt(now), version);
    }

    /**
     * The completion rule. A {@code closed} batch ends once every accepted chunk is computed and
     * fetched; a {@code closed_by_timeout} one once every accepted chunk is computed (its client is
     * gone; results stay fetchable until the buffers are released). It ends {@code failed} when more
     * than {@code acceptable_error_percentage} of its chunks failed, else {@code completed} (or
     * {@code completed_by_timeout}). Any other batch, or one not done yet, is returned unchanged.
     */
    public Batch settle(Instant now) {
        boolean done = status == BatchStatus.CLOSED ? counters.allComputedAndFetched()
                : status == BatchStatus.CLOSED_BY_TIMEOUT && counters.allComputed();
        if (!done) {
            return this;
        }
        if (counters.failedMoreThan(configuration.acceptableErrorPercentage())) {
            return fail(now);
        }
        return status == BatchStatus.CLOSED ? complete(now) : completeByTimeout(now);
    }

    /**
     * No chunk posted and no result fetched for {@code timeout} (normally {@link #INACTIVITY_TIMEOUT})
     * while admitted and created, in progress or closed. A pending batch never times out: waiting for
     * room is not the client's inactivity.
     */
    public boolean isInactiveAt(Instant now, Duration timeout) {
        boolean watched = isAdmitted() && (status.acceptsChunks() || status == BatchStatus.CLOSED);
        return watched && !now.isBefore(timestamps.lastActivity().plus(timeout));
    }

    /** The inactivity rule: closes the batch by timeout when {@link #isInactiveAt}, else unchanged. */
    public Batch timeOutIfInactive(Instant now, Duration timeout) {
        return isInactiveAt(now, timeout) ? closeByTimeout(now) : this;
    }

    private Batch moveResult(BatchCounters nextCounters, long inputBytes, long resultBytes, Instant now) {
        return new Batch(id, tenant, owner, service, configuration, status, nextCounters, inputBuffer.release(inputBytes),
                outputBuffer.reserve(resultBytes), timestamps.updatedAt(now), version);
    }

    private Batch with(BatchStatus nextStatus, BatchCounters nextCounters, BatchTimestamps nextTimestamps) {
        return new Batch(id, tenant, owner, service, configuration, nextStatus, nextCounters, inputBuffer, outputBuffer,
                nextTimestamps, version);
    }
}
