package io.sluice.adapters.rest.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.sluice.application.chunk.ChunkInput;
import io.sluice.application.chunk.SummarySpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@code {"chunks":[{id, data:{inputs, parameters, summary}, size}]}} from JSON in one
 * streaming pass (no tree, no reflection). Unknown members are skipped.
 */
final class JsonChunkReader {

    /** Decimals parsed by FastDoubleParser: the same correctly rounded doubles, found faster. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private JsonChunkReader() {
    }

    static List<ChunkInput> read(byte[] body) {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidChunksException("the body must be a JSON object with a 'chunks' array", -1, -1);
            }
            List<ChunkInput> chunks = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("chunks".equals(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new InvalidChunksException("'chunks' must be an array", -1, -1);
                    }
                    chunks = readChunks(p);
                } else {
                    p.skipChildren();
                }
            }
            if (chunks == null) {
                throw new InvalidChunksException("the body has no 'chunks' array", -1, -1);
            }
            return chunks;
        } catch (JsonParseException e) {
            throw new InvalidChunksException("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), -1, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ChunkInput> readChunks(JsonParser p) throws IOException {
        List<ChunkInput> chunks = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            int index = chunks.size();
            if (token != JsonToken.START_OBJECT) {
                throw InvalidChunksException.at(index, "each chunk must be an object");
            }
            chunks.add(readChunk(p, new ChunkAssembler(index)));
        }
        return chunks;
    }

    private static ChunkInput readChunk(JsonParser p, ChunkAssembler chunk) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> chunk.id(value == JsonToken.VALUE_STRING ? p.getText() : null);
                case "size" -> {
                    if (value == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw InvalidChunksException.at(chunk.index(), "size must be a whole number");
                    }
                    chunk.size(p.getLongValue());
                }
                case "data" -> {
                    if (value != JsonToken.START_OBJECT) {
                        throw InvalidChunksException.at(chunk.index(), "data must be an object");
                    }
                    readData(p, chunk);
                }
                default -> p.skipChildren();
            }
        }
        return chunk.build();
    }

    private static void readData(JsonParser p, ChunkAssembler chunk) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "inputs" -> readInputs(p, value, chunk);
                case "parameters" -> readParameters(p, value, chunk);
                case "summary" -> chunk.summary(readSummary(p, value, chunk.index()));
                default -> p.skipChildren();
            }
        }
    }

    private static void readInputs(JsonParser p, JsonToken value, ChunkAssembler chunk) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw InvalidChunksException.at(chunk.index(), "data.inputs must be an array of rows");
        }
        int row = 0;
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_ARRAY) {
                throw InvalidChunksException.atRow(chunk.index(), row, "each row must be an array");
            }
            if (row == 0) {
                chunk.header(readHeader(p, chunk.index()));
            } else {
                chunk.row(readRow(p, chunk, row), row);
            }
            row++;
        }
        if (row == 0) {
            throw InvalidChunksException.at(chunk.index(), "data.inputs is empty: its first row must name the columns");
        }
    }

    private static List<String> readHeader(JsonParser p, int index) throws IOException {
        List<String> names = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_STRING) {
                throw InvalidChunksException.atRow(index, 0, "column " + names.size() + " of the header row is not a name");
            }
            names.add(p.getText());
        }
        return names;
    }

    /** A row as wide as the header is read into an array of that width; a ragged one is refused by the assembler. */
    private static Object[] readRow(JsonParser p, ChunkAssembler chunk, int row) throws IOException {
        Object[] values = new Object[chunk.width()];
        int count = 0;
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (count == values.length) {
                values = Arrays.copyOf(values, values.length * 2 + 1);
            }
            values[count] = scalar(p, token, chunk.index(), row, count);
            count++;
        }
        return count == values.length ? values : Arrays.copyOf(values, count);
    }

    private static Object scalar(JsonParser p, JsonToken token, int index, int row, int column) throws IOException {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            default -> throw row < 0
                    ? InvalidChunksException.at(index, "parameter values must be scalars (string, number, boolean or null)")
                    : InvalidChunksException.atRow(index, row, "value " + column + " must be a scalar (string, number, boolean or null)");
        };
    }

    private static void readParameters(JsonParser p, JsonToken value, ChunkAssembler chunk) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_OBJECT) {
            throw InvalidChunksException.at(chunk.index(), "data.parameters must be an object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            chunk.parameter(name, scalar(p, p.nextToken(), chunk.index(), -1, -1));
        }
    }

    private static SummarySpec readSummary(JsonParser p, JsonToken value, int index) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return SummarySpec.NONE;
        }
        if (value != JsonToken.START_OBJECT) {
            throw InvalidChunksException.at(index, "data.summary must be an object");
        }
        boolean ignoreError = false;
        List<String> sums = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            if ("ignore_error".equals(field)) {
                ignoreError = token == JsonToken.VALUE_TRUE;
            } else if ("aggregation".equals(field)) {
                if (token != JsonToken.START_ARRAY) {
                    throw InvalidChunksException.at(index, "data.summary.aggregation must be an array");
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    sums.add(readAggregation(p, index));
                }
            } else {
                p.skipChildren();
            }
        }
        return new SummarySpec(ignoreError, sums);
    }

    private static String readAggregation(JsonParser p, int index) throws IOException {
        String output = null;
        String operator = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if ("output_name".equals(field)) {
                output = p.getValueAsString();
            } else if ("operator".equals(field)) {
                operator = p.getValueAsString();
            } else {
                p.skipChildren();
            }
        }
        return Aggregations.check(index, output, operator);
    }
}
