package io.sluice.client.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.client.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Puts chunks that complete out of order back in input order. Chunks that arrive ahead of the
 * next one due are held in memory up to {@code memoryChunks}; beyond that they are written to a
 * temporary file and read back when their turn comes, so memory stays bounded however far one
 * slow chunk falls behind. In unordered mode every chunk passes straight through.
 */
public final class ReorderBuffer implements Closeable {

    /** Receives chunks in order. */
    @FunctionalInterface
    public interface Sink {
        void accept(CompletedChunk chunk) throws IOException;
    }

    private record Spilled(long offset, int length) {
    }

    private final Sink sink;
    private final int memoryChunks;
    private final boolean ordered;
    private final Path spillDirectory;
    private final ObjectMapper json = Json.mapper();
    private final TreeMap<Long, CompletedChunk> held = new TreeMap<>();
    private final Map<Long, Spilled> spilled = new HashMap<>();
    private RandomAccessFile spillFile;
    private Path spillPath;
    private long next;
    private long spilledTotal;

    public ReorderBuffer(Sink sink, int memoryChunks, boolean ordered, Path spillDirectory) {
        if (memoryChunks < 0) {
            throw new IllegalArgumentException("memoryChunks must not be negative");
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        this.memoryChunks = memoryChunks;
        this.ordered = ordered;
        this.spillDirectory = spillDirectory;
    }

    /** Hands over one completed chunk; passes on every chunk that is now due. */
    public synchronized void offer(CompletedChunk chunk) throws IOException {
        if (!ordered) {
            sink.accept(chunk);
            return;
        }
        if (chunk.sequence() < next || held.containsKey(chunk.sequence()) || spilled.containsKey(chunk.sequence())) {
            throw new IllegalStateException("chunk " + chunk.sequence() + " arrived twice");
        }
        if (chunk.sequence() != next) {
            hold(chunk);
            return;
        }
        sink.accept(chunk);
        next++;
        drain();
    }

    /** Chunks waiting for an earlier one, in memory and on disk. */
    public synchronized int waiting() {
        return held.size() + spilled.size();
    }

    /** Chunks that ever had to wait on disk. */
    public synchronized long spilledTotal() {
        return spilledTotal;
    }

    private void hold(CompletedChunk chunk) throws IOException {
        if (held.size() < memoryChunks) {
            held.put(chunk.sequence(), chunk);
            return;
        }
        Map.Entry<Long, CompletedChunk> farthest = held.lastEntry();
        if (farthest != null && farthest.getKey() > chunk.sequence()) {
            held.pollLastEntry();
            held.put(chunk.sequence(), chunk);
            spill(farthest.getValue());
        } else {
            spill(chunk);
        }
    }

    private void drain() throws IOException {
        while (true) {
            CompletedChunk due = held.remove(next);
            if (due == null) {
                Spilled place = spilled.remove(next);
                if (place == null) {
                    truncateWhenEmpty();
                    return;
                }
                due = readBack(place);
            }
            sink.accept(due);
            next++;
        }
    }

    private void truncateWhenEmpty() throws IOException {
        if (spilled.isEmpty() && spillFile != null && spillFile.length() > 0) {
            spillFile.setLength(0);
        }
    }

    private void spill(CompletedChunk chunk) throws IOException {
        if (spillFile == null) {
            spillPath = spillDirectory == null ? Files.createTempFile("sluice-reorder", ".spill")
                    : Files.createTempFile(spillDirectory, "sluice-reorder", ".spill");
            spillFile = new RandomAccessFile(spillPath.toFile(), "rw");
        }
        byte[] bytes = json.writeValueAsBytes(chunk);
        long offset = spillFile.length();
        spillFile.seek(offset);
        spillFile.write(bytes);
        spilled.put(chunk.sequence(), new Spilled(offset, bytes.length));
        spilledTotal++;
    }

    private CompletedChunk readBack(Spilled place) throws IOException {
        byte[] bytes = new byte[place.length()];
        spillFile.seek(place.offset());
        spillFile.readFully(bytes);
        return json.readValue(bytes, CompletedChunk.class);
    }

    @Override
    public synchronized void close() throws IOException {
        if (spillFile != null) {
            spillFile.close();
            Files.deleteIfExists(spillPath);
            spillFile = null;
        }
    }
}
