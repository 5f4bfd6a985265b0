package io.sluice.domain.record;

import java.util.Set;

/** The error values a spreadsheet cell can hold, as engines report them in outputs (e.g. {@code #N/A}). */
public final class ExcelErrors {

    /** Value not available; also what a record without any result contributes to a summary. */
    public static final String NOT_AVAILABLE = "#N/A";
    /** A number that cannot be represented, such as a sum that overflows. */
    public static final String NUMBER = "#NUM!";

    private static final Set<String> ALL = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
            "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!");

    private ExcelErrors() {
    }

    /** Exactly one of the error values; any other text (even one starting with '#') is not. */
    public static boolean isError(Object value) {
        return value instanceof String text && !text.isEmpty() && text.charAt(0) == '#' && ALL.contains(text);
    }
}
