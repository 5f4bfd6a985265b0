package io.sluice.adapters.excel;

import io.sluice.adapters.excel.compiled.CompiledPlan;
import io.sluice.adapters.excel.compiled.Frame;
import io.sluice.application.port.RecordEvaluator;
import io.sluice.domain.record.FixedKeyMap;
import io.sluice.domain.record.RecordError;
import io.sluice.domain.record.RecordOutcome;
import io.sluice.domain.record.Warning;
import io.sluice.domain.service.FieldType;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.ValueEval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Evaluates records on its own frame of a compiled plan, with exactly the record semantics of
 * {@link PoiRecordEvaluator} (see {@link RecordEvaluator}): same input conversion, defaults and
 * warnings, same output values and errors.
 */
final class CompiledRecordEvaluator implements RecordEvaluator {

    private final WorkbookModel model;
    private final CompiledPlan plan;
    private final Frame frame;
    private final int[] firstInputSlot;
    private final int[] firstOutputSlot;
    private final RecordShape shape;
    private final RecordShape.InputWriter writer = this::write;
    private final RecordShape.DefaultWriter defaultWriter = this::resetToDefault;
    // one record's warnings and errors, cleared for the next (the outcome keeps a copy)
    private final List<Warning> warnings = new ArrayList<>();
    private final List<RecordError> errors = new ArrayList<>();

    CompiledRecordEvaluator(WorkbookModel model, CompiledPlan plan) {
        this.model = model;
        this.plan = plan;
        this.frame = plan.newFrame();
        this.firstInputSlot = firstSlots(model.inputs);
        this.firstOutputSlot = firstSlots(model.outputs);
        this.shape = new RecordShape(model);
    }

    private static int[] firstSlots(List<Binding> bindings) {
        int[] first = new int[bindings.size()];
        int next = 0;
        for (int i = 0; i < first.length; i++) {
            first[i] = next;
            next += cellCount(bindings.get(i));
        }
        return first;
    }

    private static int cellCount(Binding b) {
        int columns = b.area().getLastColumn() - b.area().getFirstColumn() + 1;
        return (b.isTable() ? b.bodyRows() : 1) * columns;
    }

    @Override
    public RecordOutcome evaluate(Map<String, Object> inputs, Collection<String> outputs) {
        long start = System.nanoTime();
        int[] wanted = shape.outputIndexes(outputs);
        warnings.clear();
        errors.clear();
        // every requested output has an entry, null when it could not be computed
        Object[] values = new Object[wanted.length];
        try {
            if (shape.bind(inputs, writer, defaultWriter, warnings, errors)) {
                plan.evaluate(frame);
                for (int i = 0; i < wanted.length; i++) {
                    int o = wanted[i];
                    Binding out = model.outputs.get(o);
                    values[i] = out.isTable() ? tableValue(o, out, errors) : cellValue(o, errors);
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            errors.add(new RecordError(null, "The calculation failed: " + RecordShape.describe(e), RecordError.PROCESSING_ERROR, null));
        }
        return new RecordOutcome(new FixedKeyMap(shape.outputNames(), values), warnings, errors, System.nanoTime() - start);
    }

    private void resetToDefault(int input) {
        for (int k = 0; k < cellCount(model.inputs.get(input)); k++) {
            frame.resetInput(firstInputSlot[input] + k);
        }
    }

    private void write(int input, Object value, List<RecordError> errors) {
        Binding in = model.inputs.get(input);
        try {
            if (in.isTable()) {
                writeTable(input, in, value);
            } else {
                set(firstInputSlot[input], value, in.type());
            }
        } catch (IllegalArgumentException e) {
            errors.add(new RecordError(in.definedName(), "Input " + in.name() + " " + e.getMessage(),
                    RecordError.INPUT_ERROR, null));
        }
    }

    /** As {@link TableInput#write}: row objects into the body rows, missing cells empty. */
    private void writeTable(int input, Binding in, Object value) {
        if (value != null && !(value instanceof List<?>)) {
            throw new IllegalArgumentException("expects a list of row objects with columns " + in.columns());
        }
        List<?> rows = value == null ? List.of() : (List<?>) value;
        int bodyRows = in.bodyRows();
        if (rows.size() > bodyRows) {
            throw new IllegalArgumentException("holds at most " + bodyRows + " rows, not " + rows.size());
        }
        int columns = in.columns().size();
        for (int r = 0; r < bodyRows; r++) {
            Object row = r < rows.size() ? rows.get(r) : null;
            if (row != null && !(row instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("row " + r + " is not an object with columns " + in.columns());
            }
            Map<?, ?> fields = row == null ? Map.of() : (Map<?, ?>) row;
            for (int c = 0; c < columns; c++) {
                String column = in.columns().get(c);
                FieldType type = in.dateColumns()[c] ? FieldType.DATE : FieldType.ANY;
                try {
                    set(firstInputSlot[input] + r * columns + c, fields.get(column), type);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("row " + r + " column " + column + " " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Writes {@code value} as {@link ValueConversion#toCell} converts it for an input of type
     * {@code type}; the common plain cases go straight into the frame.
     */
    private void set(int input, Object value, FieldType type) {
        if (value == null) {
            frame.setBlank(input);
            return;
        }
        if (type == FieldType.ANY || type == FieldType.TEXT) {
            if (value instanceof String s) {
                frame.setText(input, s);
                return;
            }
        }
        if (type == FieldType.ANY || type == FieldType.NUMBER) {
            if (value instanceof Number n) {
                frame.setNumber(input, n.doubleValue());
                return;
            }
        }
        if (type == FieldType.DATE && value instanceof String s && s.length() == 10) {
            double serial = ValueConversion.plainIsoDate(s);
            if (serial >= 0) {
                frame.setNumber(input, serial);
                return;
            }
        }
        set(input, ValueConversion.toCell(value, type));
    }

    private void set(int input, CellValue value) {
        switch (value.type()) {
            case NUMERIC -> frame.setNumber(input, value.number());
            case STRING -> frame.setText(input, value.text());
            case BOOLEAN -> frame.setBoolean(input, value.bool());
            default -> frame.setBlank(input);
        }
    }

    private List<Map<String, Object>> tableValue(int output, Binding out, List<RecordError> errors) {
        int first = firstOutputSlot[output];
        int columns = out.columns().size();
        return RecordShape.tableValue(out, new RecordShape.TableCells() {
            @Override
            public ValueEval at(int row, int column) {
                return frame.output(first + row * columns + column);
            }

            @Override
            public boolean isNumber(int row, int column) {
                return frame.outputIsNumber(first + row * columns + column);
            }

            @Override
            public double number(int row, int column) {
                return frame.outputNumber(first + row * columns + column);
            }
        }, errors);
    }

    private Object cellValue(int output, List<RecordError> errors) {
        Binding out = model.outputs.get(output);
        int slot = firstOutputSlot[output];
        if (frame.outputIsNumber(slot)) {
            double n = frame.outputNumber(slot);
            return out.dateColumns()[0] ? ValueConversion.date(n) : ValueConversion.number(n);
        }
        ValueEval value = frame.output(slot);
        if (value instanceof ErrorEval error) {
            errors.add(RecordError.calculation(out.definedName(), ValueConversion.errorText(error)));
        }
        return ValueConversion.fromEval(value, out.dateColumns()[0]);
    }

}
