package io.sluice.application.port;

import io.sluice.domain.record.RecordOutcome;

import java.util.Collection;
import java.util.Map;

/**
 * Evaluates records one at a time on its own fork of a {@link PreparedCalculation}.
 * <b>Not thread-safe:</b> an evaluator belongs to one thread; never share it.
 *
 * <p>Per record: columns that are not inputs are ignored (names match exactly, else ignoring
 * case); an input left out gets the workbook's default and a warning; an input value that cannot
 * be converted to the input's type is an {@code input_error} and nothing is calculated; an output
 * that evaluates to an Excel error ({@code #DIV/0!}, {@code #N/A}, ...) holds that error string and
 * adds a {@code calculation_error}. An exception (or stack overflow) inside the evaluation becomes a
 * {@code processing_error} of that record only: the evaluator then throws its fork away and starts
 * the next record on a fresh one, so it stays usable and one bad record never affects another.
 */
public interface RecordEvaluator {

    /**
     * @param inputs  column name to a JSON-like value: Number, String, Boolean, null (an empty
     *                cell), or for a table input a List of row Maps keyed by column name
     * @param outputs the output names wanted (names the service lacks are ignored); pass the same
     *                collection for every record, ideally a Set: the evaluator remembers the last one
     * @return outputs in the service's order (numbers as Long when integral, else Double; dates as
     *         ISO-8601 text; tables as lists of row maps), warnings, errors and the time taken; never
     *         throws for anything a record contains
     */
    RecordOutcome evaluate(Map<String, Object> inputs, Collection<String> outputs);
}
