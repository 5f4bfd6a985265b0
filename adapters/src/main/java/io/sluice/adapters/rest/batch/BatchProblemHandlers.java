package io.sluice.adapters.rest.batch;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.sluice.adapters.rest.Problems;
import io.sluice.application.batch.BatchNotFoundException;
import io.sluice.domain.IllegalStateTransitionException;
import io.sluice.domain.batch.BatchNotAcceptingChunksException;
import io.sluice.domain.buffer.BufferFullException;
import io.sluice.domain.chunk.ChunkConflictException;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Batch API's problems, one handler per family of exceptions, each with its stable code. A
 * post that does not fit the input buffer now is 429 with {@code Retry-After}; one larger than the
 * whole buffer can never fit and is 413.
 */
@Factory
class BatchProblemHandlers {

    /** Seconds a client should wait before posting again into a full input buffer. */
    static final String RETRY_AFTER_SECONDS = "2";

    @Singleton
    @Produces
    ExceptionHandler<InvalidChunksException, HttpResponse<?>> invalidChunks() {
        return (request, e) -> {
            Map<String, Object> members = new LinkedHashMap<>();
            if (e.chunkIndex() >= 0) {
                members.put("chunk_index", e.chunkIndex());
            }
            if (e.row() >= 0) {
                members.put("row", e.row());
            }
            return Problems.response(HttpStatus.BAD_REQUEST, "validation_error", e.getMessage(), members);
        };
    }

    @Singleton
    @Produces
    ExceptionHandler<InvalidBatchRequestException, HttpResponse<?>> invalidRequest() {
        return (request, e) ->
                Problems.response(HttpStatus.BAD_REQUEST, "validation_error", e.getMessage());
    }

    @Singleton
    @Produces
    ExceptionHandler<BatchNotFoundException, HttpResponse<?>> batchNotFound() {
        return (request, e) ->
                Problems.response(HttpStatus.NOT_FOUND, "batch_not_found", e.getMessage());
    }

    @Singleton
    @Produces
    ExceptionHandler<BatchNotAcceptingChunksException, HttpResponse<?>> notAccepting() {
        return (request, e) ->
                Problems.response(HttpStatus.CONFLICT, "batch_not_accepting_chunks", e.getMessage(),
                        Map.of("batch_status", e.status().wireName()));
    }

    @Singleton
    @Produces
    ExceptionHandler<IllegalStateTransitionException, HttpResponse<?>> illegalTransition() {
        return (request, e) ->
                Problems.response(HttpStatus.CONFLICT, "illegal_status_transition", e.getMessage());
    }

    @Singleton
    @Produces
    ExceptionHandler<ChunkConflictException, HttpResponse<?>> chunkConflict() {
        return (request, e) ->
                Problems.response(HttpStatus.CONFLICT, "chunk_conflict", e.getMessage());
    }

    @Singleton
    @Produces
    ExceptionHandler<BufferFullException, HttpResponse<?>> bufferFull() {
        return (request, e) -> {
            Map<String, Object> members = Map.of("requested_bytes", e.requestedBytes(),
                    "remaining_bytes", e.remainingBytes(), "allocated_bytes", e.allocatedBytes());
            if (e.neverFits()) {
                return Problems.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large", e.getMessage(), members);
            }
            MutableHttpResponse<?> response = (MutableHttpResponse<?>) Problems.response(HttpStatus.TOO_MANY_REQUESTS,
                    "input_buffer_full", e.getMessage(), members);
            return response.header(io.micronaut.http.HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        };
    }
}
