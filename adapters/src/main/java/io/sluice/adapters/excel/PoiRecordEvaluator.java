package io.sluice.adapters.excel;

import io.sluice.application.port.RecordEvaluator;
import io.sluice.domain.record.RecordError;
import io.sluice.domain.record.RecordOutcome;
import io.sluice.domain.record.Warning;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.ValueEval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates records on one fork; see {@link RecordEvaluator} for the contract. */
final class PoiRecordEvaluator implements RecordEvaluator {

    private final WorkbookModel model;
    private final RecordShape shape;
    private final RecordShape.InputWriter writer = this::write;
    private final RecordShape.DefaultWriter defaultWriter = this::resetToDefault;
    private Fork fork;

    PoiRecordEvaluator(WorkbookModel model) {
        this.model = model;
        this.shape = new RecordShape(model);
    }

    @Override
    public RecordOutcome evaluate(Map<String, Object> inputs, Collection<String> outputs) {
        long start = System.nanoTime();
        int[] wanted = shape.outputIndexes(outputs);
        List<Warning> warnings = new ArrayList<>(0);
        List<RecordError> errors = new ArrayList<>(0);
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            if (fork == null) {
                fork = new Fork(model);
            }
            if (!shape.bind(inputs, writer, defaultWriter, warnings, errors)) {
                throw new RejectedInput();
            }
            for (int o : wanted) {
                Binding out = model.outputs.get(o);
                values.put(out.name(), out.isTable() ? RecordShape.tableValue(out,
                        (r, c) -> fork.evaluate(out.sheet(), out.firstBodyRow() + r, out.area().getFirstColumn() + c),
                        errors) : cellValue(out, errors));
            }
        } catch (RejectedInput e) {
            values.clear();
        } catch (RuntimeException | StackOverflowError e) {
            fork = null;
            errors.add(new RecordError(null, "The calculation failed: " + RecordShape.describe(e), RecordError.PROCESSING_ERROR, null));
        }
        if (!errors.isEmpty()) {
            for (int o : wanted) {
                values.putIfAbsent(model.outputs.get(o).name(), null);
            }
        }
        return new RecordOutcome(values, warnings, errors, System.nanoTime() - start);
    }

    private void write(int input, Object value, List<RecordError> errors) {
        Binding in = model.inputs.get(input);
        try {
            if (in.isTable()) {
                TableInput.write(fork, fork.input(input), in, value);
            } else {
                fork.set(fork.input(input)[0][0], ValueConversion.toCell(value, in.type()));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new RecordError(in.definedName(), "Input " + in.name() + " " + e.getMessage(),
                    RecordError.INPUT_ERROR, null));
        }
    }

    private void resetToDefault(int input) {
        Binding in = model.inputs.get(input);
        InputCell[][] cells = fork.input(input);
        FrozenSheet sheet = model.master.sheet(in.sheet());
        int first = in.isTable() ? in.firstBodyRow() : in.area().getFirstRow();
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells[r].length; c++) {
                fork.set(cells[r][c], CellValue.of(sheet.cell(first + r, in.area().getFirstColumn() + c)));
            }
        }
    }

    private Object cellValue(Binding out, List<RecordError> errors) {
        ValueEval value = fork.evaluate(out.sheet(), out.area().getFirstRow(), out.area().getFirstColumn());
        if (value instanceof ErrorEval error) {
            errors.add(RecordError.calculation(out.definedName(), ValueConversion.errorText(error)));
        }
        return ValueConversion.fromEval(value, out.dateColumns()[0]);
    }

    /** Stops a record whose inputs cannot be converted before anything is calculated. */
    private static final class RejectedInput extends RuntimeException {
        RejectedInput() {
            super(null, null, false, false);
        }
    }
}
