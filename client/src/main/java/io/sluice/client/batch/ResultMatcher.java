package io.sluice.client.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.sluice.client.ChunkResult;
import io.sluice.client.io.Values;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines a chunk's result up with the records that were submitted: one row and one error per
 * record, in input order. With record keys, each record takes the result row echoing its key
 * (the key is the first output column), so rows come back right even if the server reordered
 * them, and a record whose key is missing from the result is an error rather than a silent
 * shift. Without keys, rows are taken in order; a failed chunk that returned no rows gets empty
 * rows with its per-record errors.
 */
final class ResultMatcher {

    private ResultMatcher() {
    }

    static CompletedChunk match(long sequence, long firstRecord, int size, RecordKeys keys, ChunkResult result)
            throws IOException {
        List<List<JsonNode>> outputs = result.outputs();
        List<String> columns = new ArrayList<>();
        if (!outputs.isEmpty()) {
            outputs.get(0).forEach(name -> columns.add(Values.text(name)));
        }
        List<List<JsonNode>> rows = outputs.isEmpty() ? List.of() : outputs.subList(1, outputs.size());
        int[] order = keys.isEmpty() || rows.isEmpty() ? positional(size) : byKey(keys, rows, result);
        List<List<JsonNode>> placed = new ArrayList<>(size);
        List<JsonNode> errors = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int from = order[i];
            placed.add(from < rows.size() ? rows.get(from) : Collections.nCopies(columns.size(), NullNode.getInstance()));
            JsonNode error = from < result.errors().size() ? result.errors().get(from) : null;
            errors.add(error == null ? NullNode.getInstance() : error);
        }
        return new CompletedChunk(sequence, firstRecord, columns, placed, errors);
    }

    private static int[] positional(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }

    private static int[] byKey(RecordKeys keys, List<List<JsonNode>> rows, ChunkResult result) throws IOException {
        int[] inOrder = inOrder(keys, rows);
        return inOrder != null ? inOrder : byKeyLookup(keys, rows, result);
    }

    /** The usual case, checked first because it needs no map: row i echoes the key of record i. */
    private static int[] inOrder(RecordKeys keys, List<List<JsonNode>> rows) {
        if (rows.size() != keys.size()) {
            return null;
        }
        for (int i = 0; i < keys.size(); i++) {
            List<JsonNode> row = rows.get(i);
            if (row.isEmpty() || !keys.is(i, Values.text(row.get(0)))) {
                return null;
            }
        }
        return positional(keys.size());
    }

    private static int[] byKeyLookup(RecordKeys keys, List<List<JsonNode>> rows, ChunkResult result) throws IOException {
        Map<String, ArrayDeque<Integer>> rowsByKey = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            String key = rows.get(r).isEmpty() ? "" : Values.text(rows.get(r).get(0));
            rowsByKey.computeIfAbsent(key, k -> new ArrayDeque<>()).add(r);
        }
        int[] order = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            ArrayDeque<Integer> candidates = rowsByKey.get(keys.get(i));
            Integer row = candidates == null ? null : candidates.poll();
            if (row == null) {
                throw new IOException("the result of chunk " + result.id() + " has no row for the record with key '"
                        + keys.get(i) + "'");
            }
            order[i] = row;
        }
        return order;
    }
}
