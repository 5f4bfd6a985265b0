package io.sluice.application.chunk;

import io.sluice.domain.chunk.ChunkId;
import io.sluice.domain.record.ChunkResult;

/** A computed chunk taken from the output buffer: its encoded {@link ChunkResult}. */
public record StoredResult(ChunkId id, int records, byte[] result) {

    public ChunkResult decode() {
        return ResultCodec.decode(id.value(), result);
    }

    /** Hands the result to {@code sink} straight from its stored form, without decoding it first. */
    public void replay(ResultSink sink) {
        ResultCodec.replay(result, sink);
    }
}
