package io.sluice.adapters.excel.compiled;

import org.apache.poi.ss.formula.CacheAreaEval;
import org.apache.poi.ss.formula.eval.AreaEval;
import org.apache.poi.ss.formula.eval.EvaluationException;
import org.apache.poi.ss.formula.eval.MissingArgEval;
import org.apache.poi.ss.formula.eval.OperandResolver;
import org.apache.poi.ss.formula.eval.RefEvalBase;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.formula.functions.Function;

/**
 * A function the compiler does not implement, evaluated by Apache POI's own implementation: the
 * arguments are handed over as POI values (cell references as references, ranges as areas, so
 * that functions which treat referenced text differently from literal text behave as in POI),
 * and the result is dereferenced as POI dereferences a formula's result.
 */
final class PoiCall extends Node {

    private final String name;
    private final Function function;
    private final int row;
    private final int column;

    PoiCall(int slot, String name, Function function, int row, int column, Node... args) {
        super(slot, args);
        this.name = name;
        this.function = function;
        this.row = row;
        this.column = column;
    }

    String name() {
        return name;
    }

    @Override
    void eval(Frame f) {
        ValueEval[] values = new ValueEval[args.length];
        for (int i = 0; i < args.length; i++) {
            Node arg = args[i];
            arg.eval(f);
            values[i] = argument(f, arg);
        }
        ValueEval result = function.evaluate(values, row, column);
        try {
            f.set(slot, OperandResolver.getSingleValue(result, row, column));
        } catch (EvaluationException e) {
            f.set(slot, e.getErrorEval());
        }
    }

    private static ValueEval argument(Frame f, Node arg) {
        if (arg instanceof Missing) {
            return MissingArgEval.instance;
        } else if (arg instanceof CellRef) {
            CellRef ref = (CellRef) arg;
            return new Ref(ref, f.toValueEval(ref.slot));
        } else if (arg instanceof Area) {
            return ((Area) arg).toAreaEval(f);
        }
        return f.toValueEval(arg.slot);
    }

    /** An omitted argument, {@code ROUND(x,)}. */
    static final class Missing extends Node {
        Missing(int slot) {
            super(slot, false);
        }

        @Override
        void eval(Frame f) {
            // nothing to compute
        }
    }

    /** A reference to one cell; its value is the cell's slot. */
    static final class CellRef extends Node {
        final int sheet;
        final int row;
        final int column;

        CellRef(int slot, boolean live, int sheet, int row, int column) {
            super(slot, live);
            this.sheet = sheet;
            this.row = row;
            this.column = column;
        }

        @Override
        void eval(Frame f) {
            // the cell is computed before any formula that reads it
        }
    }

    /** A rectangular range of cells, handed to functions as a POI area. */
    static final class Area extends Node {
        private final int firstRow;
        private final int firstColumn;
        private final int lastRow;
        private final int lastColumn;
        private final int[] cells;
        /** The area built once when no input reaches it (a lookup table), else null. */
        private final AreaEval constant;

        Area(int slot, boolean live, int[] bounds, int[] cells, Frame template) {
            super(slot, live);
            this.firstRow = bounds[0];
            this.firstColumn = bounds[1];
            this.lastRow = bounds[2];
            this.lastColumn = bounds[3];
            this.cells = cells;
            this.constant = live ? null : build(template);
        }

        @Override
        void eval(Frame f) {
            // the cells are computed before any formula that reads them
        }

        /** The slots of the cells, row by row. */
        int[] cells() {
            return cells.clone();
        }

        AreaEval toAreaEval(Frame f) {
            return constant != null ? constant : build(f);
        }

        private AreaEval build(Frame f) {
            ValueEval[] values = new ValueEval[cells.length];
            for (int i = 0; i < cells.length; i++) {
                values[i] = f.toValueEval(cells[i]);
            }
            return new CacheAreaEval(firstRow, firstColumn, lastRow, lastColumn, values);
        }
    }

    private static final class Ref extends RefEvalBase {
        private final ValueEval value;

        Ref(CellRef ref, ValueEval value) {
            super(ref.sheet, ref.row, ref.column);
            this.value = value;
        }

        @Override
        public ValueEval getInnerValueEval(int sheetIndex) {
            return value;
        }

        @Override
        public AreaEval offset(int relFirstRowIx, int relLastRowIx, int relFirstColIx, int relLastColIx) {
            return new CacheAreaEval(getRow(), getColumn(), getRow(), getColumn(), new ValueEval[] {value})
                    .offset(relFirstRowIx, relLastRowIx, relFirstColIx, relLastColIx);
        }
    }
}
