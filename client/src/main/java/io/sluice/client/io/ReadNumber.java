package io.sluice.client.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A number kept as the JSON text it was read from. It is written back as that very text (the same
 * digits, trailing zeros included) and becomes a {@link BigDecimal} only when a caller asks for its
 * value, so a value that only passes through (a CSV field on its way into a chunk, an output on its
 * way into a CSV file) is never parsed. An integer of up to 18 digits behaves as a long node, any
 * other number as a decimal node.
 */
final class ReadNumber extends NumericNode {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final boolean integral;
    private transient BigDecimal value;

    /** {@code text} must be a number as JSON writes it; {@code integral}: it has no fraction and no exponent. */
    ReadNumber(String text, boolean integral) {
        this.text = text;
        this.integral = integral && text.length() < 19;
    }

    /** The text as read. */
    String text() {
        return text;
    }

    /**
     * The text of the value for a CSV cell: the text as read when that already is the plain form
     * (an integer other than "-0", a plain decimal not ending in 0), otherwise the value's plain
     * form without trailing zeros.
     */
    String plainText() {
        return (integral ? !text.equals("-0") : plainAsRead()) ? text : Values.plain(decimalValue());
    }

    /** No exponent, and no fraction ending in 0. */
    private boolean plainAsRead() {
        boolean fraction = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            fraction |= c == '.';
        }
        return !fraction || text.charAt(text.length() - 1) != '0';
    }

    @Override
    public JsonToken asToken() {
        return integral ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
    }

    @Override
    public JsonParser.NumberType numberType() {
        return integral ? JsonParser.NumberType.LONG : JsonParser.NumberType.BIG_DECIMAL;
    }

    @Override
    public boolean isIntegralNumber() {
        return integral;
    }

    @Override
    public boolean isLong() {
        return integral;
    }

    @Override
    public boolean isFloatingPointNumber() {
        return !integral;
    }

    @Override
    public boolean isBigDecimal() {
        return !integral;
    }

    @Override
    public Number numberValue() {
        return integral ? (Number) longValue() : decimalValue();
    }

    @Override
    public int intValue() {
        return integral ? (int) longValue() : decimalValue().intValue();
    }

    @Override
    public long longValue() {
        return integral ? Long.parseLong(text) : decimalValue().longValue();
    }

    @Override
    public double doubleValue() {
        return integral ? longValue() : decimalValue().doubleValue();
    }

    @Override
    public BigDecimal decimalValue() {
        BigDecimal v = value;
        if (v == null) {
            v = new BigDecimal(text);
            value = v;
        }
        return v;
    }

    @Override
    public BigInteger bigIntegerValue() {
        return decimalValue().toBigInteger();
    }

    @Override
    public boolean canConvertToInt() {
        long min = Integer.MIN_VALUE;
        long max = Integer.MAX_VALUE;
        return integral ? longValue() >= min && longValue() <= max : fitsBetween(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    @Override
    public boolean canConvertToLong() {
        return integral || fitsBetween(BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE));
    }

    private boolean fitsBetween(BigDecimal min, BigDecimal max) {
        return decimalValue().compareTo(min) >= 0 && decimalValue().compareTo(max) <= 0;
    }

    @Override
    public String asText() {
        return text;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeNumber(text);
    }

    /** Equal to another read number of the same value; 1.50 and 1.5 are equal, as numbers. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ReadNumber other && decimalValue().compareTo(other.decimalValue()) == 0;
    }

    @Override
    public int hashCode() {
        BigDecimal v = decimalValue();
        return v.signum() == 0 ? 0 : v.stripTrailingZeros().hashCode();
    }
}
