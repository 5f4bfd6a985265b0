package io.sluice.adapters.excel;

import io.sluice.domain.record.FixedKeyMap;
import io.sluice.domain.record.RecordError;
import io.sluice.domain.record.Warning;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.ValueEval;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every record evaluator shares about a record's shape, whatever engine computes it: which
 * service input a record column feeds (its exact name first, then case-insensitively; the first
 * column for an input wins), the default and warning for an input left out, the requested outputs
 * as indexes, and how a failed calculation is described. One per evaluator, hence per thread.
 */
final class RecordShape {

    /** Writes one supplied value into the engine's input; adds an input error when it cannot. */
    interface InputWriter {
        void write(int input, Object value, List<RecordError> errors);
    }

    /** Reads one computed cell of a table output, by body row and column. */
    interface TableCells {
        ValueEval at(int row, int column);

        /** True when the cell holds a number, read with {@link #number}; others are read with {@link #at}. */
        default boolean isNumber(int row, int column) {
            return false;
        }

        default double number(int row, int column) {
            throw new UnsupportedOperationException();
        }
    }

    /** Puts an input that the record left out back to the workbook's default. */
    interface DefaultWriter {
        void reset(int input);
    }

    private final WorkbookModel model;
    private final Map<String, Integer> inputByName = new HashMap<>();
    private final Map<String, Integer> inputByLowerName = new HashMap<>();
    private final boolean[] supplied;
    private final String[] defaults;
    /** The column names of the last record, in its order, and the input each feeds (-1 for none). */
    private String[] lastKeys = new String[0];
    private int[] lastInputs = new int[0];
    private Collection<String> lastRequested;
    private int[] lastOutputs;
    private List<String> lastOutputNames;

    RecordShape(WorkbookModel model) {
        this.model = model;
        for (int i = 0; i < model.inputs.size(); i++) {
            inputByName.put(model.inputs.get(i).name(), i);
            inputByLowerName.putIfAbsent(model.inputs.get(i).name().toLowerCase(Locale.ROOT), i);
        }
        this.supplied = new boolean[model.inputs.size()];
        this.defaults = model.inputs.stream().map(in -> String.valueOf(WorkbookModel.defaultOf(model.master, in)))
                .toArray(String[]::new);
    }

    /**
     * Writes the record's inputs, then the defaults of those it left out, each with a warning.
     *
     * @return false, with no default written, when a supplied value could not be converted (the
     *         writer added the input errors): nothing is to be calculated for this record
     */
    boolean bind(Map<String, Object> record, InputWriter writer, DefaultWriter defaultWriter,
                 List<Warning> warnings, List<RecordError> errors) {
        Arrays.fill(supplied, false);
        int k = 0;
        for (Map.Entry<String, Object> column : record.entrySet()) {
            int i = inputIndex(k++, column.getKey());
            if (i >= 0 && !supplied[i]) {
                supplied[i] = true;
                writer.write(i, column.getValue(), errors);
            }
        }
        if (!errors.isEmpty()) {
            return false;
        }
        for (int i = 0; i < supplied.length; i++) {
            if (!supplied[i]) {
                defaultWriter.reset(i);
                Binding in = model.inputs.get(i);
                warnings.add(new Warning(in.definedName(), "Input " + in.name() + " was not supplied; its default "
                        + defaults[i] + " was used"));
            }
        }
        return true;
    }

    /**
     * The input that the {@code k}-th column of a record feeds, -1 for none. Records of a chunk
     * list the same column names (the same String objects, as a JSON parser hands them out) in
     * the same order, so the answer for the previous record's {@code k}-th column is reused when
     * the name is that very object.
     */
    private int inputIndex(int k, String key) {
        if (k < lastKeys.length && lastKeys[k] == key && key != null) {
            return lastInputs[k];
        }
        Integer i = inputByName.get(key);
        if (i == null && key != null) {
            i = inputByLowerName.get(key.toLowerCase(Locale.ROOT));
        }
        int index = i == null ? -1 : i;
        if (k >= lastKeys.length) {
            lastKeys = Arrays.copyOf(lastKeys, Math.max(8, 2 * k + 1));
            lastInputs = Arrays.copyOf(lastInputs, lastKeys.length);
        }
        lastKeys[k] = key;
        lastInputs[k] = index;
        return index;
    }

    /** The indexes of the requested outputs in the service's order; cached for the collection a chunk reuses. */
    int[] outputIndexes(Collection<String> requested) {
        if (requested != lastRequested) {
            int[] indexes = new int[model.outputs.size()];
            int n = 0;
            for (int i = 0; i < model.outputs.size(); i++) {
                if (requested.contains(model.outputs.get(i).name())) {
                    indexes[n++] = i;
                }
            }
            lastOutputs = Arrays.copyOf(indexes, n);
            lastOutputNames = Arrays.stream(lastOutputs).mapToObj(i -> model.outputs.get(i).name()).toList();
            lastRequested = requested;
        }
        return lastOutputs;
    }

    /** The names of the outputs {@link #outputIndexes} returned last, in the same order. */
    List<String> outputNames() {
        return lastOutputNames;
    }

    /**
     * A table output as row objects keyed by its header, trailing empty rows dropped; every error
     * cell adds a calculation error naming its row and column.
     */
    static List<Map<String, Object>> tableValue(Binding out, TableCells cells, List<RecordError> errors) {
        FixedKeyMap[] rows = new FixedKeyMap[out.bodyRows()];
        int lastUsed = -1;
        int columns = out.columns().size();
        for (int r = 0; r < out.bodyRows(); r++) {
            Object[] row = new Object[columns];
            for (int c = 0; c < columns; c++) {
                Object converted;
                if (cells.isNumber(r, c)) {
                    double n = cells.number(r, c);
                    converted = out.dateColumns()[c] ? ValueConversion.date(n) : ValueConversion.number(n);
                } else {
                    ValueEval value = cells.at(r, c);
                    if (value instanceof ErrorEval error) {
                        errors.add(new RecordError(out.definedName() + "[" + r + "]." + out.columns().get(c),
                                "The cell evaluates to " + ValueConversion.errorText(error), RecordError.CALCULATION_ERROR,
                                ValueConversion.errorText(error)));
                    }
                    converted = ValueConversion.fromEval(value, out.dateColumns()[c]);
                }
                if (converted != null && !"".equals(converted)) {
                    lastUsed = r;
                }
                row[c] = converted;
            }
            rows[r] = new FixedKeyMap(out.columns(), row);
        }
        return List.<Map<String, Object>>of(lastUsed + 1 == rows.length ? rows : Arrays.copyOf(rows, lastUsed + 1));
    }

    /** The message of a record's processing error. */
    static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "the formula chain is too deep for this thread's stack";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
