package io.sluice.adapters.excel.compiled;

import org.apache.poi.ss.formula.eval.AreaEval;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;

/**
 * {@code VLOOKUP(key, table, column, FALSE)} over a table no input reaches, with a constant
 * column: the first column and the result column are read once, and a text, number or boolean
 * key is matched as POI's {@code LookupUtils} matches it (text ignoring case, numbers exactly,
 * only the same type). Keys with wildcard characters, blanks and errors go to POI's VLOOKUP.
 */
final class Lookups extends Node {

    private static final int NA = ErrorEval.NA.getErrorCode();

    private final ValueEval[] keys;
    private final ValueEval[] results;
    private final PoiCall general;

    private Lookups(PoiCall general, ValueEval[] keys, ValueEval[] results) {
        super(general.slot, general.args[0]);
        this.general = general;
        this.keys = keys;
        this.results = results;
    }

    /** The native lookup for {@code general}, or {@code general} itself when it does not qualify. */
    static Node exactVlookup(PoiCall general, Frame template) {
        Node[] args = general.args;
        if (args.length != 4 || !(args[1] instanceof PoiCall.Area) || args[1].live
                || !constant(args[2]) || !constant(args[3]) || template.tag[args[2].slot] != Frame.NUMBER) {
            return general;
        }
        byte exact = template.tag[args[3].slot];
        if (!((exact == Frame.BOOL || exact == Frame.NUMBER) && template.num[args[3].slot] == 0)) {
            return general;
        }
        AreaEval table = ((PoiCall.Area) args[1]).toAreaEval(template);
        int column = (int) template.num[args[2].slot];
        if (column < 1 || column > table.getWidth()) {
            return general;
        }
        int rows = table.getHeight();
        ValueEval[] keys = new ValueEval[rows];
        ValueEval[] results = new ValueEval[rows];
        for (int r = 0; r < rows; r++) {
            keys[r] = table.getRelativeValue(r, 0);
            results[r] = table.getRelativeValue(r, column - 1);
        }
        return new Lookups(general, keys, results);
    }

    private static boolean constant(Node node) {
        return node instanceof Node.Slot && !node.live;
    }

    @Override
    void eval(Frame f) {
        Node key = args[0];
        key.eval(f);
        int row;
        switch (f.tag[key.slot]) {
            case Frame.TEXT:
                String text = (String) f.obj[key.slot];
                if (text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('~') >= 0) {
                    general.eval(f);
                    return;
                }
                row = findText(text);
                break;
            case Frame.NUMBER:
                row = findNumber(f.num[key.slot]);
                break;
            case Frame.BOOL:
                row = findBoolean(f.num[key.slot] != 0);
                break;
            default:
                general.eval(f);
                return;
        }
        if (row < 0) {
            f.setError(slot, NA);
        } else {
            f.set(slot, results[row]);
        }
    }

    private int findText(String text) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] instanceof StringEval && text.compareToIgnoreCase(((StringEval) keys[i]).getStringValue()) == 0) {
                return i;
            }
        }
        return -1;
    }

    private int findNumber(double number) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] instanceof NumberEval && Double.compare(number, ((NumberEval) keys[i]).getNumberValue()) == 0) {
                return i;
            }
        }
        return -1;
    }

    private int findBoolean(boolean value) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] instanceof BoolEval && ((BoolEval) keys[i]).getBooleanValue() == value) {
                return i;
            }
        }
        return -1;
    }
}
