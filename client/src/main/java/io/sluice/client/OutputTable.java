package io.sluice.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sluice.client.io.Values;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a chunk result's {@code outputs} table cell by cell from the token stream: numbers as
 * the text the parser read ({@link Values#number}: the digits kept and parsed only if asked for, so
 * a CSV cell is written without parsing or formatting the number), strings and nulls as they are,
 * anything else (booleans, table outputs) as a tree. A million records pass through here in a
 * run, so it spares the per-cell work of a general tree reader, and each row is an immutable list
 * of its exact size (for one or two values, no array at all).
 */
final class OutputTable extends StdDeserializer<List<List<JsonNode>>> {

    private static final long serialVersionUID = 1L;

    OutputTable() {
        super(List.class);
    }

    @Override
    public List<List<JsonNode>> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        expect(p, ctxt, "a table (an array of rows)");
        List<List<JsonNode>> rows = new ArrayList<>();
        List<JsonNode> cells = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p, ctxt, "a row of the table (an array of values)");
            cells.clear();
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                cells.add(switch (token) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Values.number(p.getText(), token == JsonToken.VALUE_NUMBER_INT);
                    case VALUE_STRING -> TextNode.valueOf(p.getText());
                    case VALUE_NULL -> NullNode.getInstance();
                    default -> ctxt.readTree(p);
                });
            }
            rows.add(List.copyOf(cells));
        }
        return rows;
    }

    private static void expect(JsonParser p, DeserializationContext ctxt, String what) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            ctxt.reportInputMismatch(List.class, "outputs: expected %s, found %s", what, p.currentToken());
        }
    }
}
