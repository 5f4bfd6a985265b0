package io.sluice.client.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * How a text value (a CSV field, a {@code k=v} argument) becomes a JSON value: empty is null, a
 * number written as JSON writes numbers becomes that exact number, anything else stays text.
 * "007" stays text (JSON forbids leading zeros), so identifiers keep their form.
 */
public final class Values {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Values() {
    }

    public static JsonNode of(String text) {
        if (text == null || text.isEmpty()) {
            return NullNode.getInstance();
        }
        if (text.length() < 40 && isJsonNumber(text)) {
            if (text.indexOf('e') < 0 && text.indexOf('E') < 0 && text.length() < 19) {
                return text.indexOf('.') < 0 ? NODES.numberNode(Long.parseLong(text)) : plainDecimal(text);
            }
            return DecimalNode.valueOf(new BigDecimal(text));
        }
        return NODES.textNode(text);
    }

    /**
     * Whether {@code text} is a number as JSON writes it: {@code -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?}.
     * Checked by hand because every CSV field of a large file passes here.
     */
    static boolean isJsonNumber(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (text.charAt(i) == '0') {
            i++;
        } else if (isDigit(text.charAt(i))) {
            i = digits(text, i);
        } else {
            return false;
        }
        if (i < n && text.charAt(i) == '.') {
            int start = ++i;
            i = digits(text, i);
            if (i == start) {
                return false;
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
                return false;
            }
        }
        return i == n;
    }

    /**
     * {@code new BigDecimal(text)} for a JSON number with a fraction, no exponent and at most 17
     * digits (they fit a long), built from the digits directly: the same unscaled value and scale.
     * The node keeps {@code text}, so that writing it needs no {@code toPlainString}.
     */
    private static DecimalNode plainDecimal(String text) {
        boolean negative = text.charAt(0) == '-';
        long unscaled = 0;
        int scale = 0;
        boolean fraction = false;
        for (int i = negative ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                fraction = true;
            } else {
                unscaled = unscaled * 10 + (c - '0');
                scale += fraction ? 1 : 0;
            }
        }
        BigDecimal value = BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
        return unscaled == 0 ? DecimalNode.valueOf(value) : new ReadDecimal(value, text);
    }

    /** A decimal read from text, written back as that very text (the same digits, zeros included). */
    private static final class ReadDecimal extends DecimalNode {
        private static final long serialVersionUID = 1L;
        private final String text;

        ReadDecimal(BigDecimal value, String text) {
            super(value);
            this.text = text;
        }
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
        if (value instanceof ReadDecimal decimal) {
            g.writeNumber(decimal.text);
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
        if (value instanceof ReadDecimal decimal && decimal.text.charAt(decimal.text.length() - 1) != '0') {
            return decimal.text;
        }
        if (value.isBigDecimal()) {
            BigDecimal decimal = value.decimalValue();
            String plain = decimal.toPlainString();
            boolean trailingZero = decimal.scale() > 0 && plain.charAt(plain.length() - 1) == '0';
            return trailingZero ? decimal.stripTrailingZeros().toPlainString() : plain;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }
}
