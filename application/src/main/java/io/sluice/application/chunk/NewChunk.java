package io.sluice.application.chunk;

import io.sluice.domain.chunk.ChunkId;
import io.sluice.domain.chunk.ContentFingerprint;

import java.util.Objects;

/** A posted chunk ready to store: its encoded payload, record count and content fingerprint. */
public record NewChunk(ChunkId id, int records, byte[] payload, ContentFingerprint fingerprint) {

    public NewChunk {
        Objects.requireNonNull(id, "chunk id");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public static NewChunk of(ChunkInput input) {
        byte[] canonical = ChunkCodec.canonical(input);
        return new NewChunk(new ChunkId(input.id()), input.recordCount(), Compression.pack(canonical),
                ContentFingerprint.of(canonical));
    }

    public long bytes() {
        return payload.length;
    }
}
