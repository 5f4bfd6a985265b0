package io.sluice.client.batch;

import java.util.UUID;

/**
 * A chunk ready to post: its id, chosen once and kept for every retry; its place in the input
 * ({@code sequence}, and the input index of its first record); the number of records it holds
 * (the header row not counted); the text of each record's key when the batch has a key column
 * (else empty), to match results to records; and its JSON encoding, one element of the
 * {@code chunks} array.
 */
public record PreparedChunk(long sequence, UUID id, long firstRecord, int size, RecordKeys keys, byte[] json) {

    /** The request body posting this chunk alone: {@code {"chunks":[<this chunk>]}}. */
    public byte[] document() {
        byte[] head = "{\"chunks\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + json.length + 2];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(json, 0, body, head.length, json.length);
        body[body.length - 2] = ']';
        body[body.length - 1] = '}';
        return body;
    }
}
