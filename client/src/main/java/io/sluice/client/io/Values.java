package io.sluice.client.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How a text value (a CSV field, a {@code k=v} argument) becomes a JSON value: empty is null, a
 * number written as JSON writes numbers becomes that exact number, anything else stays text.
 * "007" stays text (JSON forbids leading zeros), so identifiers keep their form.
 */
public final class Values {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Values() {
    }

    public static JsonNode of(String text) {
        if (text == null || text.isEmpty()) {
            return NullNode.getInstance();
        }
        if (text.length() < 40 && JSON_NUMBER.matcher(text).matches()) {
            if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0 && text.length() < 19) {
                return NODES.numberNode(Long.parseLong(text));
            }
            return DecimalNode.valueOf(new BigDecimal(text));
        }
        return NODES.textNode(text);
    }

    /** The text form of a value for a CSV cell: null is empty, numbers without exponent noise. */
    public static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }
}
