package io.sluice.adapters.excel.compiled;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Excel's decimal arithmetic, bit for bit as Apache POI computes it, without its cost in the
 * common case.
 *
 * <p>POI multiplies, divides and rounds through {@code new BigDecimal(NumberToTextConverter
 * .toText(d))}, that is the operand rounded to 15 significant digits. {@link #decompose} finds
 * that decimal {@code m * 10^e} with {@code |m| <= 10^15} whenever the rounding is clear-cut: for
 * a double that is the nearest image of a short decimal, and for one a few ulps off it (such as
 * {@code 1 + 0.07 * 2}, which is 1.1400000000000001). The fast paths then compute the exact decimal
 * result as a {@code long} and convert it with one correctly rounded operation (Clinger's fast
 * path, as {@code BigDecimal.doubleValue} does). Anything outside those bounds takes POI's own
 * BigDecimal route.
 */
final class Decimal15 {

    static final long NONE = Long.MIN_VALUE;
    private static final double[] POW10 = new double[23];
    private static final long[] LONG_POW10 = new long[19];
    private static final long MAX_EXACT = 1L << 53;
    private static final double LIMIT = 1e15;

    static {
        double p = 1;
        long lp = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
        for (int i = 0; i < LONG_POW10.length; i++) {
            LONG_POW10[i] = lp;
            lp *= 10;
        }
    }

    private Decimal15() {
    }

    /**
     * The decimal POI makes of {@code d}, {@code d} rounded to 15 significant digits, packed as
     * {@code mantissa << 6 | (exponent + 32)} with the fewest digits after the point; {@link #NONE}
     * when that rounding is too close to call here.
     *
     * <p>A whole number is its own decimal. A double that is the nearest image of a decimal of at
     * most 15 digits is found at the first scale {@code 10^k} where that decimal becomes a whole
     * number. Any other double is rounded at the finest scale, where {@code |d| * 10^k} has 15
     * digits before the point; see {@link #roundedAt}.
     */
    static long decompose(double d) {
        if (d == 0) {
            return 32;
        }
        double a = Math.abs(d);
        if (!(a < LIMIT)) {
            return NONE;
        }
        if (a == Math.rint(a)) {
            return pack(d < 0, (long) a, 0);
        }
        for (int k = 1; k < POW10.length; k++) {
            double scaled = a * POW10[k];
            if (scaled >= LIMIT) {
                return roundedAt(d, k - 1);
            }
            double n = Math.rint(scaled);
            if (n != 0 && n / POW10[k] == a) {
                return pack(d < 0, (long) n, k);
            }
        }
        return roundedAt(d, POW10.length - 1);
    }

    /**
     * {@code d} rounded to a whole multiple of {@code 10^-k}, when {@code y = |d| * 10^k} has 15
     * digits before the point and lies within 0.4 of a whole number {@code n}: below 2^50 the
     * product {@code y} is within 0.0625 of the exact one, so the exact value rounds to {@code n}
     * too, half up or any other way. (1 + 0.07 * 2 is 1.1400000000000001, and POI's 1.14.)
     */
    private static long roundedAt(double d, int k) {
        double y = Math.abs(d) * POW10[k];
        double n = Math.rint(y);
        if (y < LIMIT / 10 || Math.abs(y - n) > 0.4) {
            return NONE;
        }
        long m = (long) n;
        int scale = k;
        while (scale > 0 && m % 10 == 0) {
            m /= 10;
            scale--;
        }
        return pack(d < 0, m, scale);
    }

    private static long pack(boolean negative, long m, int digitsAfterPoint) {
        return ((negative ? -m : m) << 6) | (32 - digitsAfterPoint);
    }

    static long mantissa(long packed) {
        return packed >> 6;
    }

    static int exponent(long packed) {
        return (int) (packed & 63) - 32;
    }

    /** {@code m * 10^e} correctly rounded, or NaN when outside the exact fast path. */
    static double toDouble(long m, int e) {
        if (Math.abs(m) >= MAX_EXACT || e > 22 || e < -22) {
            return Double.NaN;
        }
        return e >= 0 ? (double) m * POW10[e] : (double) m / POW10[-e];
    }

    static double multiply(double x, double y) {
        long a = decompose(x);
        long b = decompose(y);
        if (a != NONE && b != NONE) {
            long ma = mantissa(a);
            long mb = mantissa(b);
            if (mb == 0 || Math.abs(ma) < MAX_EXACT / Math.abs(mb)) {
                double r = toDouble(ma * mb, exponent(a) + exponent(b));
                if (!Double.isNaN(r)) {
                    return r;
                }
            }
        }
        return big(x).multiply(big(y)).doubleValue();
    }

    /** {@code x / y} for {@code y != 0}. */
    static double divide(double x, double y) {
        long a = decompose(x);
        long b = decompose(y);
        if (a != NONE && b != NONE) {
            double r = fastDivide(mantissa(a), exponent(a), mantissa(b), exponent(b));
            if (!Double.isNaN(r)) {
                return r;
            }
        }
        return big(x).divide(big(y), MathContext.DECIMAL128).doubleValue();
    }

    private static double fastDivide(long ma, int ea, long mb, int eb) {
        int s = ea - eb;
        if (s > 18 || s < -18) {
            return Double.NaN;
        }
        long n = ma;
        long d = mb;
        if (s > 0) {
            if (Math.abs(n) >= MAX_EXACT / LONG_POW10[s]) {
                return Double.NaN;
            }
            n *= LONG_POW10[s];
        } else if (s < 0) {
            if (Math.abs(d) >= MAX_EXACT / LONG_POW10[-s]) {
                return Double.NaN;
            }
            d *= LONG_POW10[-s];
        }
        double dn = n;
        double dd = d;
        double r = dn / dd;
        double rem = Math.abs(Math.fma(-r, dd, dn));
        if (rem != 0) {
            double half = 0.5 * Math.ulp(r) * Math.abs(dd);
            if (Math.abs(rem - half) <= half * 1e-6) {
                return Double.NaN; // a tie: rounding through 34 digits may break it differently
            }
        }
        return r + 0.0; // BigDecimal has no negative zero
    }

    static double round(double x, int places, RoundingMode mode) {
        if (places >= 0 && places <= 15) {
            double r = roundFar(x, places, mode);
            if (!Double.isNaN(r)) {
                return r;
            }
        }
        long a = decompose(x);
        if (a != NONE && places <= 22 && places >= -22) {
            long m = mantissa(a);
            int e = exponent(a);
            if (e >= -places) {
                // the decimal itself (exact: |m| < 10^15, -22 <= e <= 0), never -0 as BigDecimal has none
                return toDouble(m, e) + 0.0;
            }
            int drop = -places - e;
            if (drop <= 18) {
                long div = LONG_POW10[drop];
                long abs = Math.abs(m);
                long q = abs / div;
                long r = abs % div;
                if (mode == RoundingMode.HALF_UP ? 2 * r >= div : mode == RoundingMode.UP && r != 0) {
                    q++;
                }
                double d = toDouble(m < 0 ? -q : q, -places);
                if (!Double.isNaN(d)) {
                    return d;
                }
            }
        }
        return big(x).setScale(places, mode).doubleValue();
    }

    /**
     * {@code round} when {@code x * 10^places} is clearly away from a rounding boundary (a half
     * for {@code HALF_UP}, a whole number for {@code UP} and {@code DOWN}); NaN otherwise.
     *
     * <p>POI rounds {@code D}, {@code x} printed to 15 significant digits, which is within one unit
     * of its 15th digit (1e-14 relative) of {@code x}; {@code y = |x| * 10^places} carries one more
     * rounding (1.1e-16 relative). When the fractional part of {@code y} is further than 1e-13
     * {@code y} from the boundary, {@code D * 10^places} rounds to the same whole number {@code q}
     * as {@code y}, and {@code q / 10^places} (both exact, {@code q < 2^52}) is the very operation
     * {@code BigDecimal.doubleValue} performs on the rounded decimal.
     */
    static double roundFar(double x, int places, RoundingMode mode) {
        double a = Math.abs(x);
        double y = a * POW10[places];
        if (!(y < 0x1p51) || a < Double.MIN_NORMAL) {
            return Double.NaN;
        }
        double whole = Math.floor(y);
        double fraction = y - whole; // exact below 2^52
        double margin = 1e-13 * y;
        double q;
        if (mode == RoundingMode.HALF_UP) {
            if (Math.abs(fraction - 0.5) <= margin) {
                return Double.NaN;
            }
            q = fraction > 0.5 ? whole + 1 : whole;
        } else {
            if (fraction <= margin || 1 - fraction <= margin) {
                return Double.NaN;
            }
            q = mode == RoundingMode.UP ? whole + 1 : whole;
        }
        if (q == 0) {
            return 0.0;
        }
        double r = q / POW10[places];
        return x < 0 ? -r : r;
    }

    private static BigDecimal big(double d) {
        return new BigDecimal(NumberToTextConverter.toText(d));
    }
}
