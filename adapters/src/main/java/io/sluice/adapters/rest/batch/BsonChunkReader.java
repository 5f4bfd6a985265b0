package io.sluice.adapters.rest.batch;

import io.sluice.application.chunk.ChunkInput;
import io.sluice.application.chunk.SummarySpec;
import org.bson.BSONException;
import org.bson.BsonBinaryReader;
import org.bson.BsonType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads the chunk document from BSON ({@code application/bson}) in one streaming pass. */
final class BsonChunkReader {

    private BsonChunkReader() {
    }

    static List<ChunkInput> read(byte[] body) {
        try (BsonBinaryReader r = new BsonBinaryReader(ByteBuffer.wrap(body))) {
            List<ChunkInput> chunks = null;
            r.readStartDocument();
            while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String name = r.readName();
                if ("chunks".equals(name)) {
                    if (r.getCurrentBsonType() != BsonType.ARRAY) {
                        throw new InvalidChunksException("'chunks' must be an array", -1, -1);
                    }
                    chunks = readChunks(r);
                } else {
                    r.skipValue();
                }
            }
            r.readEndDocument();
            if (chunks == null) {
                throw new InvalidChunksException("the body has no 'chunks' array", -1, -1);
            }
            return chunks;
        } catch (BSONException | IndexOutOfBoundsException
                 | java.nio.BufferUnderflowException e) {
            throw new InvalidChunksException("malformed BSON: " + e.getMessage(), -1, -1);
        }
    }

    private static List<ChunkInput> readChunks(BsonBinaryReader r) {
        List<ChunkInput> chunks = new ArrayList<>();
        r.readStartArray();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            int index = chunks.size();
            if (r.getCurrentBsonType() != BsonType.DOCUMENT) {
                throw InvalidChunksException.at(index, "each chunk must be a document");
            }
            chunks.add(readChunk(r, new ChunkAssembler(index)));
        }
        r.readEndArray();
        return chunks;
    }

    private static ChunkInput readChunk(BsonBinaryReader r, ChunkAssembler chunk) {
        r.readStartDocument();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = r.readName();
            BsonType type = r.getCurrentBsonType();
            switch (name) {
                case "id" -> chunk.id(type == BsonType.STRING ? r.readString() : skipThenNull(r));
                case "size" -> {
                    Object size = scalar(r, chunk.index(), -1, -1);
                    if (size == null) {
                        continue;
                    }
                    if (!(size instanceof Long)) {
                        throw InvalidChunksException.at(chunk.index(), "size must be a whole number");
                    }
                    chunk.size((Long) size);
                }
                case "data" -> {
                    if (type != BsonType.DOCUMENT) {
                        throw InvalidChunksException.at(chunk.index(), "data must be a document");
                    }
                    readData(r, chunk);
                }
                default -> r.skipValue();
            }
        }
        r.readEndDocument();
        return chunk.build();
    }

    private static String skipThenNull(BsonBinaryReader r) {
        r.skipValue();
        return null;
    }

    private static void readData(BsonBinaryReader r, ChunkAssembler chunk) {
        r.readStartDocument();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = r.readName();
            BsonType type = r.getCurrentBsonType();
            switch (name) {
                case "inputs" -> readInputs(r, type, chunk);
                case "parameters" -> readParameters(r, type, chunk);
                case "summary" -> chunk.summary(readSummary(r, type, chunk.index()));
                default -> r.skipValue();
            }
        }
        r.readEndDocument();
    }

    private static void readInputs(BsonBinaryReader r, BsonType type, ChunkAssembler chunk) {
        if (type != BsonType.ARRAY) {
            throw InvalidChunksException.at(chunk.index(), "data.inputs must be an array of rows");
        }
        r.readStartArray();
        int row = 0;
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            if (r.getCurrentBsonType() != BsonType.ARRAY) {
                throw InvalidChunksException.atRow(chunk.index(), row, "each row must be an array");
            }
            r.readStartArray();
            List<Object> values = new ArrayList<>();
            while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
                if (row == 0) {
                    if (r.getCurrentBsonType() != BsonType.STRING) {
                        throw InvalidChunksException.atRow(chunk.index(), 0, "column " + values.size() + " of the header row is not a name");
                    }
                    values.add(r.readString());
                } else {
                    values.add(scalar(r, chunk.index(), row, values.size()));
                }
            }
            r.readEndArray();
            if (row == 0) {
                List<String> header = new ArrayList<>(values.size());
                values.forEach(v -> header.add((String) v));
                chunk.header(header);
            } else {
                chunk.row(values.toArray(), row);
            }
            row++;
        }
        r.readEndArray();
        if (row == 0) {
            throw InvalidChunksException.at(chunk.index(), "data.inputs is empty: its first row must name the columns");
        }
    }

    private static Object scalar(BsonBinaryReader r, int index, int row, int column) {
        return switch (r.getCurrentBsonType()) {
            case NULL, UNDEFINED -> {
                r.skipValue();
                yield null;
            }
            case BOOLEAN -> r.readBoolean();
            case STRING -> r.readString();
            case INT32 -> (long) r.readInt32();
            case INT64 -> r.readInt64();
            case DOUBLE -> r.readDouble();
            case DECIMAL128 -> r.readDecimal128().bigDecimalValue().doubleValue();
            default -> throw row < 0
                    ? InvalidChunksException.at(index, "parameter values and size must be scalars (string, number, boolean or null)")
                    : InvalidChunksException.atRow(index, row, "value " + column + " must be a scalar (string, number, boolean or null)");
        };
    }

    private static void readParameters(BsonBinaryReader r, BsonType type, ChunkAssembler chunk) {
        if (type == BsonType.NULL) {
            r.skipValue();
            return;
        }
        if (type != BsonType.DOCUMENT) {
            throw InvalidChunksException.at(chunk.index(), "data.parameters must be a document");
        }
        r.readStartDocument();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = r.readName();
            chunk.parameter(name, scalar(r, chunk.index(), -1, -1));
        }
        r.readEndDocument();
    }

    private static SummarySpec readSummary(BsonBinaryReader r, BsonType type, int index) {
        if (type == BsonType.NULL) {
            r.skipValue();
            return SummarySpec.NONE;
        }
        if (type != BsonType.DOCUMENT) {
            throw InvalidChunksException.at(index, "data.summary must be a document");
        }
        boolean ignoreError = false;
        List<String> sums = new ArrayList<>();
        r.readStartDocument();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = r.readName();
            if ("ignore_error".equals(name) && r.getCurrentBsonType() == BsonType.BOOLEAN) {
                ignoreError = r.readBoolean();
            } else if ("aggregation".equals(name) && r.getCurrentBsonType() == BsonType.ARRAY) {
                r.readStartArray();
                while (r.readBsonType() == BsonType.DOCUMENT) {
                    sums.add(readAggregation(r, index));
                }
                r.readEndArray();
            } else {
                r.skipValue();
            }
        }
        r.readEndDocument();
        return new SummarySpec(ignoreError, sums);
    }

    private static String readAggregation(BsonBinaryReader r, int index) {
        String output = null;
        String operator = null;
        r.readStartDocument();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = r.readName();
            if ("output_name".equals(name) && r.getCurrentBsonType() == BsonType.STRING) {
                output = r.readString();
            } else if ("operator".equals(name) && r.getCurrentBsonType() == BsonType.STRING) {
                operator = r.readString();
            } else {
                r.skipValue();
            }
        }
        r.readEndDocument();
        return Aggregations.check(index, output, operator);
    }
}
