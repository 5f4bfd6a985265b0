package io.sluice.adapters.rest.batch;

/**
 * The shortest decimal text of a double with few fraction digits ({@code 1430.55}, {@code 0.05}),
 * found with a multiplication and a division instead of a general shortest-digits algorithm.
 * Computed results are mostly money and rates rounded to a few places, so almost every double
 * a chunk result holds takes this path; the text is exactly what Schubfach (and so
 * {@code Double.toString} from Java 19 on) gives for it.
 *
 * <p>Why it is exact: for {@code L = rint(x * 10^s)}, the division {@code L / 10^s} is correctly
 * rounded, so it equals {@code x} exactly when the decimal {@code L / 10^s} reads back as
 * {@code x}; trying {@code s = 1, 2, ...} in turn finds the fewest fraction digits, and so the fewest
 * significant digits, that read back as {@code x}. In the range taken ({@code 10^-3 <= |x| < 10^7},
 * where Java's notation is plain, and at most {@value #MAX_PLACES} places) one ulp of {@code x} is
 * far smaller than {@code 10^-s}, so the candidate is unique and the rounding of
 * {@code x * 10^s} cannot pick a neighbour. Anything else is left to the general algorithm.
 */
final class ShortDecimals {

    static final int MAX_PLACES = 6;
    /** Room for a sign, seven integer digits, the point and the fraction digits. */
    static final int MAX_LENGTH = 1 + 7 + 1 + MAX_PLACES;
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};

    private ShortDecimals() {
    }

    /**
     * Writes the shortest decimal text of {@code value} into {@code text} from index 0 and returns
     * its length, or returns -1 when {@code value} is whole, outside {@code [10^-3, 10^7)} in
     * magnitude, or needs more than {@value #MAX_PLACES} fraction digits.
     */
    static int write(double value, char[] text) {
        double magnitude = Math.abs(value);
        if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
            return -1;
        }
        for (int places = 1; places <= MAX_PLACES; places++) {
            double scaled = Math.rint(magnitude * POWERS[places]);
            if (scaled / POWERS[places] == magnitude) {
                return digits(value < 0, (long) scaled, places, text);
            }
        }
        return -1;
    }

    private static int digits(boolean negative, long scaled, int places, char[] text) {
        if (scaled % 10 == 0) {
            return -1; // whole: fewer places would have read back too
        }
        long whole = scaled / (long) POWERS[places];
        int wholeDigits = 1;
        for (long rest = whole / 10; rest > 0; rest /= 10) {
            wholeDigits++;
        }
        int length = (negative ? 1 : 0) + wholeDigits + 1 + places;
        long rest = scaled;
        int at = length;
        for (int p = 0; p < places; p++) {
            text[--at] = (char) ('0' + (int) (rest % 10));
            rest /= 10;
        }
        text[--at] = '.';
        do {
            text[--at] = (char) ('0' + (int) (rest % 10));
            rest /= 10;
        } while (rest > 0);
        if (negative) {
            text[--at] = '-';
        }
        return length;
    }
}
