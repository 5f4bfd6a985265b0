package io.sluice.adapters.excel.compiled;

import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.RelationalOperationEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.formula.functions.Function;
import org.apache.poi.ss.util.NumberComparer;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Excel's operators, each with the argument coercion, error order and result normalisation of
 * the matching Apache POI operation ({@code TwoOperandNumericOperation}, {@code UnaryMinusEval},
 * {@code PercentEval}, {@code ConcatEval}, {@code RelationalOperationEval}).
 */
final class Operators {

    static final int NUM_ERROR = ErrorEval.NUM_ERROR.getErrorCode();
    static final int DIV_ZERO = ErrorEval.DIV_ZERO.getErrorCode();

    private Operators() {
    }

    /** The five numeric binary operators. */
    enum Arithmetic { ADD, SUBTRACT, MULTIPLY, DIVIDE, POWER }

    static final class Binary extends Node {
        private final Arithmetic op;

        Binary(int slot, Arithmetic op, Node left, Node right) {
            super(slot, left, right);
            this.op = op;
        }

        @Override
        void eval(Frame f) {
            Node left = args[0];
            Node right = args[1];
            left.eval(f);
            right.eval(f);
            double x = f.number(left.slot);
            double y = f.number(right.slot);
            int error = f.takeError();
            if (error != Frame.NO_ERROR) {
                f.setError(slot, error);
                return;
            }
            double r;
            switch (op) {
                case ADD: r = x + y; break;
                case SUBTRACT: r = x - y; break;
                case MULTIPLY: r = Decimal15.multiply(x, y); break;
                case DIVIDE:
                    if (y == 0.0) {
                        f.setError(slot, DIV_ZERO);
                        return;
                    }
                    r = Decimal15.divide(x, y);
                    break;
                default: r = power(x, y);
            }
            store(f, slot, r, op != Arithmetic.SUBTRACT);
        }

        private static double power(double d0, double d1) {
            if (d0 < 0 && Math.abs(d1) > 0.0 && Math.abs(d1) < 1.0) {
                return -1 * Math.pow(d0 * -1, d1);
            }
            return Math.pow(d0, d1);
        }
    }

    /** Stores a numeric result: -0 becomes 0 where POI does so, NaN and infinities are #NUM!. */
    static void store(Frame f, int slot, double r, boolean positiveZero) {
        if (r == 0.0 && positiveZero) {
            f.setNumberSlot(slot, 0.0);
        } else if (Double.isNaN(r) || Double.isInfinite(r)) {
            f.setError(slot, NUM_ERROR);
        } else {
            f.setNumberSlot(slot, r);
        }
    }

    /** Unary minus ({@code percent == false}) and the percent operator. */
    static final class Unary extends Node {
        private final boolean percent;

        Unary(int slot, boolean percent, Node arg) {
            super(slot, arg);
            this.percent = percent;
        }

        @Override
        void eval(Frame f) {
            Node arg = args[0];
            arg.eval(f);
            double d = f.number(arg.slot);
            int error = f.takeError();
            if (error != Frame.NO_ERROR) {
                f.setError(slot, error);
            } else if (d == 0.0) {
                f.setNumberSlot(slot, 0.0);
            } else {
                f.setNumberSlot(slot, percent ? d / 100 : -d);
            }
        }
    }

    /** Unary plus: text stays text, anything else is coerced to a number. */
    static final class Plus extends Node {
        Plus(int slot, Node arg) {
            super(slot, arg);
        }

        @Override
        void eval(Frame f) {
            Node arg = args[0];
            arg.eval(f);
            if (f.tag[arg.slot] == Frame.TEXT) {
                f.copy(arg.slot, slot);
                return;
            }
            double d = f.number(arg.slot);
            int error = f.takeError();
            if (error != Frame.NO_ERROR) {
                f.setError(slot, error);
            } else {
                f.setNumberSlot(slot, d);
            }
        }
    }

    /**
     * The {@code &} operator, a chain {@code a & b & c} joined in one node: one string instead of
     * one per operator. As POI evaluates the chain, the first operand holding an error gives the result.
     */
    static final class Concat extends Node {
        private Concat(int slot, Node... parts) {
            super(slot, parts);
        }

        static Concat of(int slot, Node left, Node right) {
            if (left instanceof Concat) {
                Node[] parts = java.util.Arrays.copyOf(left.args, left.args.length + 1);
                parts[parts.length - 1] = right;
                return new Concat(slot, parts);
            }
            return new Concat(slot, left, right);
        }

        @Override
        void eval(Frame f) {
            for (Node part : args) {
                part.eval(f);
            }
            for (Node part : args) {
                if (f.tag[part.slot] == Frame.ERROR) {
                    f.copy(part.slot, slot);
                    return;
                }
            }
            StringBuilder joined = new StringBuilder();
            for (Node part : args) {
                joined.append(text(f, part.slot));
            }
            f.setTextSlot(slot, joined.toString());
        }

        private static String text(Frame f, int slot) {
            switch (f.tag[slot]) {
                case Frame.TEXT: return (String) f.obj[slot];
                case Frame.NUMBER: return NumberToTextConverter.toText(f.num[slot]);
                case Frame.BOOL: return f.num[slot] != 0 ? "TRUE" : "FALSE";
                default: return "";
            }
        }
    }

    /**
     * Comparison: numbers and text against each other natively, blanks, booleans and errors
     * through POI.
     */
    static final class Compare extends Node {
        private final Function poi;
        private final int row;
        private final int column;
        /** The result when the left operand sorts before, equal to and after the right one. */
        private final boolean whenLess;
        private final boolean whenEqual;
        private final boolean whenGreater;

        Compare(int slot, Function poi, int row, int column, Node left, Node right) {
            super(slot, left, right);
            this.poi = poi;
            this.row = row;
            this.column = column;
            this.whenLess = outcome(poi, -1);
            this.whenEqual = outcome(poi, 0);
            this.whenGreater = outcome(poi, 1);
        }

        @Override
        void eval(Frame f) {
            Node left = args[0];
            Node right = args[1];
            left.eval(f);
            right.eval(f);
            byte l = f.tag[left.slot];
            byte r = f.tag[right.slot];
            int cmp;
            if (l == Frame.NUMBER && r == Frame.NUMBER) {
                cmp = compareNumbers(f.num[left.slot], f.num[right.slot]);
            } else if (l == Frame.TEXT && r == Frame.TEXT) {
                // as RelationalOperationEval.doCompare: text against text ignoring case
                cmp = ((String) f.obj[left.slot]).compareToIgnoreCase((String) f.obj[right.slot]);
            } else if (l == Frame.TEXT && r == Frame.NUMBER) {
                cmp = 1; // text sorts after any number
            } else if (l == Frame.NUMBER && r == Frame.TEXT) {
                cmp = -1;
            } else {
                ValueEval[] values = {f.toValueEval(left.slot), f.toValueEval(right.slot)};
                f.set(slot, poi.evaluate(values, row, column));
                return;
            }
            f.tag[slot] = Frame.BOOL;
            f.num[slot] = (cmp < 0 ? whenLess : cmp == 0 ? whenEqual : whenGreater) ? 1 : 0;
        }

        /**
         * POI's {@code NumberComparer.compare}, which compares at 15 significant digits. A finite
         * number equals itself; numbers of the same sign further apart than 1e-13 relative differ at
         * that precision too, so their plain order is the answer without POI's exact decimal expansion.
         */
        static int compareNumbers(double a, double b) {
            if (Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b) && Double.isFinite(a)) {
                return 0; // the very same number (POI orders -0 before 0)
            }
            double magnitude = Math.max(Math.abs(a), Math.abs(b));
            if ((a > 0 && b > 0 || a < 0 && b < 0) && Math.abs(a - b) > 1e-13 * magnitude
                    && Math.min(Math.abs(a), Math.abs(b)) >= Double.MIN_NORMAL && magnitude < Double.MAX_VALUE) {
                return a < b ? -1 : 1;
            }
            return NumberComparer.compare(a, b);
        }

        private static boolean outcome(Function poi, int cmp) {
            if (poi == RelationalOperationEval.EqualEval) {
                return cmp == 0;
            } else if (poi == RelationalOperationEval.NotEqualEval) {
                return cmp != 0;
            } else if (poi == RelationalOperationEval.LessThanEval) {
                return cmp < 0;
            } else if (poi == RelationalOperationEval.LessEqualEval) {
                return cmp <= 0;
            } else if (poi == RelationalOperationEval.GreaterThanEval) {
                return cmp > 0;
            }
            return cmp >= 0;
        }
    }
}
