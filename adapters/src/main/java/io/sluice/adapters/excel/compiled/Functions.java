package io.sluice.adapters.excel.compiled;

import java.math.RoundingMode;

import org.apache.poi.ss.formula.eval.EvaluationException;
import org.apache.poi.ss.formula.eval.OperandResolver;

/**
 * The functions compiled natively, with the semantics of Apache POI's {@code IfFunc}, {@code
 * IfError} and {@code NumericFunction.ROUND/ROUNDUP/ROUNDDOWN}.
 */
final class Functions {

    private Functions() {
    }

    /** {@code IF(condition, then[, else])}; only the chosen branch is evaluated, as POI does. */
    static final class If extends Node {
        If(int slot, Node... args) {
            super(slot, args);
        }

        @Override
        void eval(Frame f) {
            Node condition = args[0];
            condition.eval(f);
            int outcome = truth(f, condition.slot);
            if (outcome < 0) {
                f.setError(slot, f.takeError());
            } else if (outcome == 1) {
                branch(f, args[1]);
            } else if (args.length == 3) {
                branch(f, args[2]);
            } else {
                f.tag[slot] = Frame.BOOL;
                f.num[slot] = 0;
            }
        }

        private void branch(Frame f, Node node) {
            node.eval(f);
            f.copy(node.slot, slot);
        }

        /** 1 true, 0 false, -1 error (left in {@code f.error}); as {@code IfFunc.evaluateFirstArg}. */
        private static int truth(Frame f, int slot) {
            switch (f.tag[slot]) {
                case Frame.NUMBER:
                case Frame.BOOL:
                    return f.num[slot] != 0 ? 1 : 0;
                case Frame.BLANK:
                    return 0;
                case Frame.ERROR:
                    f.error = (int) f.num[slot];
                    return -1;
                default:
                    try {
                        Boolean b = OperandResolver.coerceValueToBoolean(f.toValueEval(slot), false);
                        return b != null && b ? 1 : 0;
                    } catch (EvaluationException e) {
                        f.error = e.getErrorEval().getErrorCode();
                        return -1;
                    }
            }
        }
    }

    /** {@code IFERROR(value, fallback)}: a blank value reads as 0, as POI dereferences it. */
    static final class IfError extends Node {
        IfError(int slot, Node value, Node fallback) {
            super(slot, value, fallback);
        }

        @Override
        void eval(Frame f) {
            Node value = args[0];
            Node fallback = args[1];
            value.eval(f);
            fallback.eval(f);
            byte tag = f.tag[value.slot];
            if (tag == Frame.ERROR) {
                f.copy(fallback.slot, slot);
            } else if (tag == Frame.BLANK) {
                f.setNumberSlot(slot, 0.0);
            } else {
                f.copy(value.slot, slot);
            }
        }
    }

    /** {@code ROUND}, {@code ROUNDUP} and {@code ROUNDDOWN}, exactly as POI's {@code MathX}. */
    static final class Round extends Node {
        private final RoundingMode mode;

        Round(int slot, RoundingMode mode, Node value, Node places) {
            super(slot, value, places);
            this.mode = mode;
        }

        @Override
        void eval(Frame f) {
            Node value = args[0];
            Node places = args[1];
            value.eval(f);
            double x = checked(f, value.slot);
            if (f.error == Frame.NO_ERROR) {
                places.eval(f);
                double p = checked(f, places.slot);
                if (f.error == Frame.NO_ERROR) {
                    double r = Decimal15.round(x, (int) p, mode);
                    Operators.store(f, slot, r, false);
                    return;
                }
            }
            f.setError(slot, f.takeError());
        }

        private static double checked(Frame f, int slot) {
            double d = f.number(slot);
            if (f.error == Frame.NO_ERROR && (Double.isNaN(d) || Double.isInfinite(d))) {
                f.error = Operators.NUM_ERROR;
            }
            return d;
        }
    }

    /**
     * {@code SUM} over cell references and ranges only, as POI's {@code MultiOperandNumericFunction}
     * sums referenced cells: numbers added in row order from 0, text, booleans and blanks
     * ignored, the first error met is the result, a non-finite sum is {@code #NUM!}.
     */
    static final class Sum extends Node {
        private final int[] cells;

        private Sum(int slot, Node[] args, int[] cells) {
            super(slot, args);
            this.cells = cells;
        }

        /** The native sum for {@code general}, or {@code general} itself when an argument is not a reference. */
        static Node of(PoiCall general) {
            int[] cells = new int[0];
            for (Node arg : general.args) {
                int[] more;
                if (arg instanceof PoiCall.Area) {
                    more = ((PoiCall.Area) arg).cells();
                } else if (arg instanceof PoiCall.CellRef) {
                    more = new int[] {arg.slot};
                } else {
                    return general;
                }
                int[] joined = java.util.Arrays.copyOf(cells, cells.length + more.length);
                System.arraycopy(more, 0, joined, cells.length, more.length);
                cells = joined;
            }
            return general.args.length == 0 ? general : new Sum(general.slot, general.args, cells);
        }

        @Override
        void eval(Frame f) {
            double sum = 0;
            for (int cell : cells) {
                byte tag = f.tag[cell];
                if (tag == Frame.NUMBER) {
                    sum += f.num[cell];
                } else if (tag == Frame.ERROR) {
                    f.setError(slot, (int) f.num[cell]);
                    return;
                }
            }
            Operators.store(f, slot, sum, false);
        }
    }

    /** {@code INT} of a number, as POI's {@code NumericFunction.INT}: {@code Math.round(d - 0.5)}. */
    static final class Int extends Node {
        private final PoiCall general;

        Int(PoiCall general) {
            super(general.slot, general.args);
            this.general = general;
        }

        @Override
        void eval(Frame f) {
            Node arg = args[0];
            arg.eval(f);
            double d = f.num[arg.slot];
            if (f.tag[arg.slot] != Frame.NUMBER || !Double.isFinite(d)) {
                general.eval(f);
                return;
            }
            Operators.store(f, slot, Math.round(d - 0.5), false);
        }
    }
}
