package io.sluice.adapters.excel;

import io.sluice.adapters.excel.compiled.Dates;
import io.sluice.domain.service.FieldType;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Converts JSON-like record values into cell values and evaluated cells back into JSON-like values. */
final class ValueConversion {

    private static final double LARGEST_EXACT_LONG = 1e15;
    /** Excel's serial 0 as an epoch day: from 1900-03-01 (serial 61) on, serial = epoch day - this. */
    private static final double FIRST_PLAIN_SERIAL = 61; // 1900-03-01, after the phantom 1900-02-29
    private static final double LAST_PLAIN_SERIAL = 2958465; // 9999-12-31

    private ValueConversion() {
    }

    /**
     * @throws IllegalArgumentException saying why {@code value} does not fit an input of type {@code type}
     */
    static CellValue toCell(Object value, FieldType type) {
        if (value == null) {
            return CellValue.BLANK;
        }
        return switch (type) {
            case NUMBER -> CellValue.number(number(value));
            case DATE -> CellValue.number(date(value));
            case TEXT -> CellValue.text(text(value));
            case BOOLEAN -> CellValue.bool(bool(value));
            case ANY -> any(value);
            case TABLE -> throw new IllegalArgumentException("a table cell cannot hold a table");
        };
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.trim()).doubleValue();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expects a number, not '" + s + "'", e);
            }
        }
        throw new IllegalArgumentException("expects a number, not " + describe(value));
    }

    private static double date(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            String t = s.trim();
            try {
                if (t.length() == 10) {
                    double serial = plainIsoDate(t);
                    return serial >= 0 ? serial : DateUtil.getExcelDate(LocalDate.parse(t));
                }
                if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                    return DateUtil.getExcelDate(OffsetDateTime.parse(t).toLocalDateTime());
                }
                return DateUtil.getExcelDate(LocalDateTime.parse(t));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expects a date (2024-01-31) or date-time, not '" + s + "'", e);
            }
        }
        throw new IllegalArgumentException("expects a date, not " + describe(value));
    }

    /**
     * The serial of {@code yyyy-MM-dd} text for a valid date from 1901 to 9999, computed without
     * a parser; -1 for anything else, which the general route parses (or rejects) exactly as before.
     */
    static double plainIsoDate(String t) {
        if (t.charAt(4) != '-' || t.charAt(7) != '-') {
            return -1;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        if (year < 1901 || month < 1 || month > 12 || day < 1 || day > 28 && day > Month.of(month).length(Year.isLeap(year))) {
            return -1;
        }
        return Dates.serial(year, month, day);
    }

    /** The ASCII digits of {@code t} from {@code from} to {@code to} as a number; -1 when one is not a digit. */
    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Number n) {
            Object plain = number(n.doubleValue());
            return plain.toString();
        }
        throw new IllegalArgumentException("expects text, not " + describe(value));
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
        }
        if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        throw new IllegalArgumentException("expects true or false, not " + describe(value));
    }

    private static CellValue any(Object value) {
        if (value instanceof Number n) {
            return CellValue.number(n.doubleValue());
        }
        if (value instanceof String s) {
            return CellValue.text(s);
        }
        if (value instanceof Boolean b) {
            return CellValue.bool(b);
        }
        throw new IllegalArgumentException("expects a number, text or a boolean, not " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof java.util.List<?>) {
            return "a list";
        }
        if (value instanceof java.util.Map<?, ?>) {
            return "an object";
        }
        return "'" + value + "'";
    }

    /** A number as the APIs show it: a Long when it is integral (and exact), else a Double. */
    static Object number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT_LONG) {
            return (long) value;
        }
        return value;
    }

    /** An Excel date serial as ISO-8601 text: a date, or a date-time when it has a time of day. */
    static Object date(double serial) {
        if (serial >= FIRST_PLAIN_SERIAL && serial <= LAST_PLAIN_SERIAL && serial == Math.rint(serial)) {
            return Dates.isoDate((int) serial);
        }
        if (!DateUtil.isValidExcelDate(serial)) {
            return number(serial);
        }
        LocalDateTime dateTime = DateUtil.getLocalDateTime(serial);
        return dateTime.toLocalTime().toSecondOfDay() == 0 ? dateTime.toLocalDate().toString() : dateTime.toString();
    }

    /** A plain cell value as the APIs show it. */
    static Object fromCell(CellValue value, boolean isDate) {
        return switch (value.type()) {
            case NUMERIC -> isDate ? date(value.number()) : number(value.number());
            case STRING -> value.text();
            case BOOLEAN -> value.bool();
            default -> null;
        };
    }

    /** An evaluated cell as the APIs show it; an Excel error becomes its error string. */
    static Object fromEval(ValueEval value, boolean isDate) {
        if (value instanceof NumberEval n) {
            return isDate ? date(n.getNumberValue()) : number(n.getNumberValue());
        }
        if (value instanceof StringEval s) {
            return s.getStringValue();
        }
        if (value instanceof BoolEval b) {
            return b.getBooleanValue();
        }
        if (value instanceof ErrorEval e) {
            return errorText(e);
        }
        return null;
    }

    static String errorText(ErrorEval error) {
        return FormulaError.forInt(error.getErrorCode()).getString();
    }
}
