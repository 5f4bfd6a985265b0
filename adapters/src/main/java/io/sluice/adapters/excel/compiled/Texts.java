package io.sluice.adapters.excel.compiled;

import java.util.Locale;

/**
 * {@code LOWER}, {@code UPPER} and {@code PROPER} of a text value, exactly as POI's {@code
 * TextFunction} computes them (in the root locale, {@code PROPER} character by character). Any
 * other argument (a number, a boolean, blank, an error) goes to POI's own function, which
 * converts it to text first.
 */
final class Texts extends Node {

    /** Which change of case a {@link Texts} node makes. */
    enum Case { LOWER, UPPER, PROPER }

    private final Case change;
    private final PoiCall general;

    Texts(PoiCall general, Case change) {
        super(general.slot, general.args);
        this.general = general;
        this.change = change;
    }

    @Override
    void eval(Frame f) {
        Node arg = args[0];
        arg.eval(f);
        if (f.tag[arg.slot] != Frame.TEXT) {
            general.eval(f);
            return;
        }
        String text = (String) f.obj[arg.slot];
        String result;
        switch (change) {
            case LOWER:
                result = text.toLowerCase(Locale.ROOT);
                break;
            case UPPER:
                result = text.toUpperCase(Locale.ROOT);
                break;
            default:
                result = proper(text);
        }
        f.setTextSlot(slot, result);
    }

    /**
     * POI's {@code PROPER}: each character upper-cased after a non-letter (and at the start),
     * lower-cased after a letter, each on its own as a one-character string in the root locale.
     * ASCII characters take a shortcut with the same result.
     */
    static String proper(String text) {
        char[] out = new char[text.length()];
        boolean capitalize = true;
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return properBeyondAscii(text, out, i, capitalize);
            }
            out[i] = asciiCase(c, capitalize);
            capitalize = !isAsciiLetter(c);
        }
        return new String(out);
    }

    /** {@link #proper} from the first character beyond ASCII on, whose change of case may change the length. */
    private static String properBeyondAscii(String text, char[] done, int from, boolean capitalizeFirst) {
        StringBuilder out = new StringBuilder(text.length()).append(done, 0, from);
        boolean capitalize = capitalizeFirst;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                out.append(asciiCase(c, capitalize));
                capitalize = !isAsciiLetter(c);
            } else {
                String one = String.valueOf(c);
                out.append(capitalize ? one.toUpperCase(Locale.ROOT) : one.toLowerCase(Locale.ROOT));
                capitalize = !Character.isLetter(c);
            }
        }
        return out.toString();
    }

    private static char asciiCase(char c, boolean upper) {
        if (upper) {
            return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
        }
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
