package io.sluice.domain.record;

/**
 * Why one record has no (complete) result. {@code errorType} is the Excel error string
 * ({@code #DIV/0!}, {@code #N/A}, ...) for calculation errors, null otherwise.
 */
public record RecordError(String sourcePath, String message, String errorCategory, String errorType) {

    public static final String CALCULATION_ERROR = "calculation_error";
    public static final String INPUT_ERROR = "input_error";
    public static final String PROCESSING_ERROR = "processing_error";

    public static RecordError calculation(String sourcePath, String excelError) {
        return new RecordError(sourcePath, "The cell evaluates to " + excelError, CALCULATION_ERROR, excelError);
    }
}
