package io.sluice.adapters.excel.compiled;

/**
 * The workbook uses something the compiler cannot evaluate exactly as Apache POI does (a volatile
 * function, a cycle, an external reference, an array formula...): the version is evaluated by
 * the POI engine instead.
 */
public final class NotCompilableException extends Exception {

    public NotCompilableException(String message) {
        super(message);
    }
}
