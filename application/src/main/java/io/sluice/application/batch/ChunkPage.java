package io.sluice.application.batch;

import java.util.List;

/** A page of a batch's chunks in submission order, and how many chunks the batch has in all. */
public record ChunkPage(List<ChunkView> chunks, long offset, long total) {

    public ChunkPage {
        chunks = List.copyOf(chunks);
    }

    public static ChunkPage empty(long offset) {
        return new ChunkPage(List.of(), offset, 0);
    }

    public boolean hasMore() {
        return offset + chunks.size() < total;
    }
}
