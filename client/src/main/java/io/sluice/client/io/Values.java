package io.sluice.client.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * How a text value (a CSV field, a {@code k=v} argument) becomes a JSON value: empty is null, a
 * number written as JSON writes numbers becomes that exact number (kept as its text, see
 * {@link ReadNumber}), anything else stays text. "007" stays text (JSON forbids leading zeros), so
 * identifiers keep their form.
 */
public final class Values {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int NOT_A_NUMBER = -1;
    private static final int INTEGER = 0;
    private static final int OTHER_NUMBER = 1;

    private Values() {
    }

    public static JsonNode of(String text) {
        if (text == null || text.isEmpty()) {
            return NullNode.getInstance();
        }
        int kind = text.length() < 40 ? numberKind(text) : NOT_A_NUMBER;
        return kind == NOT_A_NUMBER ? NODES.textNode(text) : new ReadNumber(text, kind == INTEGER);
    }

    /**
     * The node of a number a JSON parser has already read, kept as its text: {@code integral} when
     * the parser found neither a fraction nor an exponent.
     */
    public static JsonNode number(String text, boolean integral) {
        return new ReadNumber(text, integral);
    }

    /**
     * {@link #INTEGER}, {@link #OTHER_NUMBER} or {@link #NOT_A_NUMBER}, by the JSON number grammar
     * {@code -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?}. Checked by hand in one pass because every CSV
     * field of a large file passes here.
     */
    private static int numberKind(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return NOT_A_NUMBER;
        }
        if (text.charAt(i) == '0') {
            i++;
        } else if (isDigit(text.charAt(i))) {
            i = digits(text, i);
        } else {
            return NOT_A_NUMBER;
        }
        if (i == n) {
            return INTEGER;
        }
        if (text.charAt(i) == '.') {
            int start = ++i;
            i = digits(text, i);
            if (i == start) {
                return NOT_A_NUMBER;
            }
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            i = digits(text, i);
            if (i == start) {
                return NOT_A_NUMBER;
            }
        }
        return i == n ? OTHER_NUMBER : NOT_A_NUMBER;
    }

    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Writes a value made by {@link #of}: scalars straight to the generator, anything else as a tree. */
    public static void write(JsonGenerator g, JsonNode value, ObjectMapper json) throws IOException {
        if (value instanceof ReadNumber number) {
            g.writeNumber(number.text());
        } else if (value.isTextual()) {
            g.writeString(value.textValue());
        } else if (value.isIntegralNumber() && value.canConvertToLong()) {
            g.writeNumber(value.longValue());
        } else if (value.isBigDecimal()) {
            g.writeNumber(value.decimalValue());
        } else if (value.isNull()) {
            g.writeNull();
        } else {
            json.writeTree(g, value);
        }
    }

    /** The text form of a value for a CSV cell: null is empty, numbers without exponent noise. */
    public static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value instanceof ReadNumber number) {
            return number.plainText();
        }
        if (value.isBigDecimal()) {
            return plain(value.decimalValue());
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }

    /** A decimal's plain form without trailing zeros after the point: 1430.00 is "1430", 1E+3 is "1000". */
    static String plain(BigDecimal decimal) {
        String form = decimal.toPlainString();
        boolean trailingZero = decimal.scale() > 0 && form.charAt(form.length() - 1) == '0';
        return trailingZero ? decimal.stripTrailingZeros().toPlainString() : form;
    }
}
