package io.sluice.adapters.excel.compiled;

import org.apache.poi.ss.formula.eval.BlankEval;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.EvaluationException;
import org.apache.poi.ss.formula.eval.MissingArgEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.OperandResolver;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;

/**
 * The working memory of one evaluation thread: every cell and every intermediate result of a
 * {@link CompiledPlan} has a slot here, held as a type tag plus a primitive number (numbers,
 * booleans as 1/0, error codes) or an object (text).
 *
 * <p>A frame belongs to one thread at a time and is reused record after record: set the inputs,
 * call {@link CompiledPlan#evaluate(Frame)}, read the outputs. Slots that no input reaches keep
 * the values computed once when the plan was compiled.
 */
public final class Frame {

    static final byte NUMBER = 0;
    static final byte TEXT = 1;
    static final byte BOOL = 2;
    static final byte ERROR = 3;
    static final byte BLANK = 4;
    static final int NO_ERROR = -1;

    final byte[] tag;
    final double[] num;
    final Object[] obj;
    private final CompiledPlan plan;
    /** Error code raised by the last coercion, {@link #NO_ERROR} when it succeeded. */
    int error = NO_ERROR;

    Frame(CompiledPlan plan, byte[] tag, double[] num, Object[] obj) {
        this.plan = plan;
        this.tag = tag;
        this.num = num;
        this.obj = obj;
    }

    /** Sets input {@code index} (in the order the plan was compiled with) to a number. */
    public void setNumber(int index, double value) {
        int slot = plan.inputSlot(index);
        tag[slot] = NUMBER;
        num[slot] = value;
        obj[slot] = null;
    }

    /** Sets input {@code index} to text, exactly as a text cell holds it. */
    public void setText(int index, String value) {
        int slot = plan.inputSlot(index);
        tag[slot] = TEXT;
        obj[slot] = value;
    }

    /** Sets input {@code index} to a boolean. */
    public void setBoolean(int index, boolean value) {
        int slot = plan.inputSlot(index);
        tag[slot] = BOOL;
        num[slot] = value ? 1 : 0;
        obj[slot] = null;
    }

    /** Empties input {@code index}, like a blank cell. */
    public void setBlank(int index) {
        int slot = plan.inputSlot(index);
        tag[slot] = BLANK;
        num[slot] = 0;
        obj[slot] = null;
    }

    /** Gives input {@code index} back the value saved in the workbook (its default). */
    public void resetInput(int index) {
        plan.resetInput(this, index);
    }

    /** The value of output {@code index} as a POI value: number, text, boolean, error or blank. */
    public ValueEval output(int index) {
        return toValueEval(plan.outputSlot(index));
    }

    /** True when output {@code index} is a number; read it with {@link #outputNumber(int)}. */
    public boolean outputIsNumber(int index) {
        return tag[plan.outputSlot(index)] == NUMBER;
    }

    /** The number held by output {@code index}; meaningful when {@link #outputIsNumber(int)}. */
    public double outputNumber(int index) {
        return num[plan.outputSlot(index)];
    }

    ValueEval toValueEval(int slot) {
        switch (tag[slot]) {
            case NUMBER: return new NumberEval(num[slot]);
            case TEXT: return new StringEval((String) obj[slot]);
            case BOOL: return BoolEval.valueOf(num[slot] != 0);
            case ERROR: return ErrorEval.valueOf((int) num[slot]);
            default: return BlankEval.instance;
        }
    }

    void set(int slot, ValueEval value) {
        if (value instanceof NumberEval) {
            setNumberSlot(slot, ((NumberEval) value).getNumberValue());
        } else if (value instanceof StringEval) {
            setTextSlot(slot, ((StringEval) value).getStringValue());
        } else if (value instanceof BoolEval) {
            tag[slot] = BOOL;
            num[slot] = ((BoolEval) value).getBooleanValue() ? 1 : 0;
        } else if (value instanceof ErrorEval) {
            setError(slot, ((ErrorEval) value).getErrorCode());
        } else if (value == BlankEval.instance || value == MissingArgEval.instance) {
            tag[slot] = BLANK;
            num[slot] = 0;
        } else {
            throw new IllegalStateException("Unexpected value " + value.getClass().getName());
        }
    }

    void setNumberSlot(int slot, double value) {
        tag[slot] = NUMBER;
        num[slot] = value;
    }

    void setTextSlot(int slot, String value) {
        tag[slot] = TEXT;
        obj[slot] = value;
    }

    void setError(int slot, int code) {
        tag[slot] = ERROR;
        num[slot] = code;
    }

    void copy(int from, int to) {
        tag[to] = tag[from];
        num[to] = num[from];
        obj[to] = obj[from];
    }

    /**
     * The slot as a number, coerced as POI's {@code OperandResolver.coerceValueToDouble}: blank
     * is 0, booleans 1/0, text parsed; an error or unparsable text sets {@link #error}.
     */
    double number(int slot) {
        switch (tag[slot]) {
            case NUMBER:
            case BOOL:
                return num[slot];
            case BLANK:
                return 0;
            case ERROR:
                raise((int) num[slot]);
                return 0;
            default:
                return parse((String) obj[slot]);
        }
    }

    private double parse(String text) {
        try {
            return OperandResolver.coerceValueToDouble(new StringEval(text));
        } catch (EvaluationException e) {
            raise(e.getErrorEval().getErrorCode());
            return 0;
        }
    }

    /** Records an error unless an earlier operand already did: the first error wins. */
    private void raise(int code) {
        if (error == NO_ERROR) {
            error = code;
        }
    }

    /** Returns and clears the pending coercion error. */
    int takeError() {
        int e = error;
        error = NO_ERROR;
        return e;
    }
}
