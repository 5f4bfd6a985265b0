package io.sluice.application.chunk;

/**
 * Receives a stored chunk result value by value, in the order of the Batch API's chunk result
 * ({@code summary_output}, {@code outputs}, {@code warnings}, {@code errors}, {@code process_time}),
 * so that an answer can be written straight from the stored form without building the
 * {@link io.sluice.domain.record.ChunkResult} and its per-record lists first
 * ({@link ResultCodec#replay}).
 *
 * <p>Each field is announced by {@link #field}, then its value follows: a list opens with
 * {@link #startList} and closes with {@link #endList}; a record without warnings (or errors) is
 * {@link #nullValue}, one with some is a list of {@link #warning}s (or {@link #error}s).
 */
public interface ResultSink {

    /** The fields of a chunk result, in the order they come. */
    enum Field {
        SUMMARY_OUTPUT("summary_output"),
        OUTPUTS("outputs"),
        WARNINGS("warnings"),
        ERRORS("errors"),
        PROCESS_TIME("process_time");

        private final String wireName;

        Field(String wireName) {
            this.wireName = wireName;
        }

        /** The field's name in the Batch API. */
        public String wireName() {
            return wireName;
        }
    }

    void field(Field field);

    void startList(int size);

    void endList();

    /** Named values follow, {@code size} pairs of {@link #key} and a value, such as a row of a table output. */
    void startMap(int size);

    void key(String name);

    void endMap();

    void nullValue();

    void booleanValue(boolean value);

    void longValue(long value);

    /** A number computed as a double; whether a whole one is shown as an integer is the sink's choice. */
    void doubleValue(double value);

    /** Text as UTF-8 bytes: {@code length} bytes of {@code utf8} from {@code offset}, valid only during the call. */
    void stringValue(byte[] utf8, int offset, int length);

    void warning(String sourcePath, String message);

    void error(String sourcePath, String message, String errorCategory, String errorType);
}
