package io.sluice.adapters.excel.compiled

import groovy.transform.CompileStatic
import org.apache.poi.ss.formula.eval.NumberEval
import org.apache.poi.ss.formula.eval.ValueEval
import org.apache.poi.ss.formula.functions.Function
import org.apache.poi.ss.formula.functions.NumericFunction
import org.apache.poi.ss.util.NumberToTextConverter
import spock.lang.Specification

import java.math.MathContext
import java.math.RoundingMode

class Decimal15Spec extends Specification {

    static BigDecimal poi(double d) { new BigDecimal(NumberToTextConverter.toText(d)) }

    static double[] samples(long seed, int n) {
        Random r = new Random(seed)
        double[] values = new double[n]
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(7)) {
                case 0: values[i] = (r.nextInt(2000000) - 1000000) / 100d; break
                case 1: values[i] = r.nextInt(1000) + 0.5d * (r.nextInt(3) - 1); break
                case 2: values[i] = r.nextDouble() * Math.pow(10, r.nextInt(40) - 20); break
                case 3: values[i] = (r.nextInt(2000) - 1000) / 1000d + 0.005d; break
                case 4: values[i] = r.nextInt(100) / 10d; break
                case 5: values[i] = 1 + r.nextInt(100) / 100d * r.nextInt(10); break
                default: values[i] = r.nextLong() / 1e6
            }
        }
        values
    }

    def 'multiplication agrees with POI decimal multiplication bit for bit'() {
        given:
        double[] x = samples(1, 20_000)
        double[] y = samples(2, 20_000)

        expect:
        (0..<x.length).findAll { i ->
            Decimal15.multiply(x[i], y[i]) != poi(x[i]).multiply(poi(y[i])).doubleValue()
        }.collect { [x[it], y[it]] }.take(5) == []
    }

    def 'division agrees with POI decimal division bit for bit'() {
        given:
        double[] x = samples(3, 20_000)
        double[] y = samples(4, 20_000)

        expect:
        (0..<x.length).findAll { y[it] != 0 }.findAll { i ->
            Decimal15.divide(x[i], y[i]) != poi(x[i]).divide(poi(y[i]), MathContext.DECIMAL128).doubleValue()
        }.collect { [x[it], y[it]] }.take(5) == []
    }

    def 'rounding agrees with POI rounding for #mode'() {
        given:
        double[] x = samples(5, 15_000)
        Random places = new Random(6)

        expect:
        (0..<x.length).findAll { i ->
            int p = places.nextInt(12) - 3
            double expected = poi(x[i]).setScale(p, mode).doubleValue()
            Double.compare(Decimal15.round(x[i], p, mode), expected) != 0
        }.take(5) == []

        where:
        mode << [RoundingMode.HALF_UP, RoundingMode.UP, RoundingMode.DOWN]
    }

    def 'rounding agrees bit for bit with the ROUND functions of POI over three million values, halves and extreme magnitudes included, for #mode'() {
        expect:
        roundMismatches(mode, 1_000_000, 31 + mode.ordinal()) == []

        where:
        mode << [RoundingMode.HALF_UP, RoundingMode.UP, RoundingMode.DOWN]
    }

    def 'the far-from-boundary rounding leaves ties and exact values to the decimal route'() {
        expect:
        Double.isNaN(Decimal15.roundFar(1.005d, 2, RoundingMode.HALF_UP))
        Double.isNaN(Decimal15.roundFar(2.5d, 0, RoundingMode.HALF_UP))
        Double.isNaN(Decimal15.roundFar(12.34d, 2, RoundingMode.UP))
        Decimal15.roundFar(95.018d, 2, RoundingMode.HALF_UP) == 95.02d
        Decimal15.roundFar(-95.018d, 2, RoundingMode.HALF_UP) == -95.02d
        Decimal15.roundFar(-0.001d, 2, RoundingMode.HALF_UP).equals(0.0d)
    }

    /** Values of every kind a rounding sees: money, products of money, halves at every scale, huge, tiny. */
    @CompileStatic
    static double roundSample(Random r) {
        switch (r.nextInt(10)) {
            case 0: return (r.nextInt(2_000_000) - 1_000_000) / 100d
            case 1: return Decimal15.multiply(Decimal15.multiply(r.nextInt(100_000) / 100d, 1 + r.nextInt(20)), 1.1d)
            case 2: return (r.nextInt(2_000_000) - 1_000_000) / 1000d + 0.0005d * (r.nextBoolean() ? 1 : -1)
            case 3: return (r.nextLong() % 100_000_000_000L) / Math.pow(10, r.nextInt(16)) + 5 / Math.pow(10, 1 + r.nextInt(16))
            case 4: return (r.nextBoolean() ? 1 : -1) * r.nextDouble() * Math.pow(10, r.nextInt(40) - 20)
            case 5: return (r.nextBoolean() ? 1 : -1) * r.nextDouble() * Math.pow(10, r.nextInt(600) - 300)
            case 6: return r.nextLong() / 1e6
            case 7: return Double.longBitsToDouble(r.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL) * (r.nextBoolean() ? 1 : -1)
            case 8: return (r.nextInt(20_001) - 10_000) * 0.5d / Math.pow(10, r.nextInt(8))
            default: return Decimal15.divide(r.nextInt(100_000) + 1, r.nextInt(999) + 1)
        }
    }

    @CompileStatic
    static List<List<Object>> roundMismatches(RoundingMode mode, int count, long seed) {
        Random r = new Random(seed)
        List<List<Object>> wrong = []
        for (int i = 0; i < count && wrong.size() < 5; i++) {
            double x = roundSample(r)
            int places = r.nextInt(10) == 0 ? r.nextInt(40) - 20 : r.nextInt(6)
            Function poi = mode == RoundingMode.HALF_UP ? NumericFunction.ROUND
                    : mode == RoundingMode.UP ? NumericFunction.ROUNDUP : NumericFunction.ROUNDDOWN
            ValueEval[] args = [new NumberEval(x), new NumberEval(places)] as ValueEval[]
            double expected = ((NumberEval) poi.evaluate(args, 0, 0)).numberValue
            double actual = Decimal15.round(x, places, mode)
            if (Double.compare(actual, expected) != 0) {
                wrong << ([x, places, actual, expected] as List<Object>)
            }
        }
        wrong
    }

    def 'rounding halves goes away from zero'() {
        expect:
        Decimal15.round(value, 0, RoundingMode.HALF_UP) == rounded

        where:
        value | rounded
        2.5d  | 3d
        -2.5d | -3d
        1.005d | 1d
        -0.5d | -1d
    }

    def 'decimal products come out as Excel shows them, not as binary floating point does'() {
        expect:
        Decimal15.multiply(0.1d, 3d) == 0.3d
        0.1d * 3d != 0.3d
    }

    def 'a value of more than 15 digits before the point takes the exact route'() {
        expect:
        Decimal15.decompose(1e300d) == Decimal15.NONE
        Decimal15.mantissa(Decimal15.decompose(-12.34d)) == -1234
        Decimal15.exponent(Decimal15.decompose(-12.34d)) == -2
    }

    def 'the decimal of a double is the one POI prints to 15 significant digits, whenever one is found'() {
        expect:
        decimalMismatches(1_000_000, 10) == []

        and: 'the fast paths see most of them'
        Random r = new Random(10)
        (0..<100_000).count { Decimal15.decompose(decimalSample(r)) != Decimal15.NONE } > 50_000
    }

    def 'a double a few ulps off a short decimal still has that decimal, a near tie at the 15th digit has none'() {
        expect:
        1 + 0.07d * 2 != 1.14d
        Decimal15.mantissa(Decimal15.decompose(1 + 0.07d * 2)) == 114
        Decimal15.exponent(Decimal15.decompose(1 + 0.07d * 2)) == -2
        Decimal15.mantissa(Decimal15.decompose(Math.PI)) == 314159265358979L
        Decimal15.decompose(1.000000000000005d) == Decimal15.NONE
    }

    /**
     * Values whose decimal is clear-cut (short decimals, their neighbours a few ulps away, sums and
     * products of money) and values that are not (random digits and bit patterns, 15th-digit ties).
     */
    @CompileStatic
    static double decimalSample(Random r) {
        double shortDecimal = (r.nextLong() % 1_000_000_000_000_000L) / Math.pow(10, r.nextInt(30))
        switch (r.nextInt(8)) {
            case 0: return shortDecimal
            case 1: return Math.nextUp(shortDecimal)
            case 2: return Math.nextDown(Math.nextDown(shortDecimal))
            case 3: return 1 + r.nextInt(100) / 100d * r.nextInt(10)
            case 4: return r.nextInt(100_000) / 100d * 1.1d - r.nextInt(1000) / 100d
            case 5: return (r.nextBoolean() ? 1 : -1) * r.nextDouble() * Math.pow(10, r.nextInt(40) - 25)
            case 6: return Double.longBitsToDouble(r.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL) * (r.nextBoolean() ? 1 : -1)
            default: return (r.nextLong() % 100_000_000_000_000L + 0.5d) / Math.pow(10, r.nextInt(20))
        }
    }

    @CompileStatic
    static List<Double> decimalMismatches(int count, long seed) {
        Random r = new Random(seed)
        List<Double> wrong = []
        for (int i = 0; i < count && wrong.size() < 5; i++) {
            double d = decimalSample(r)
            long packed = Decimal15.decompose(d)
            if (packed != Decimal15.NONE) {
                BigDecimal decimal = BigDecimal.valueOf(Decimal15.mantissa(packed)).scaleByPowerOfTen(Decimal15.exponent(packed))
                if (decimal.compareTo(poi(d)) != 0) {
                    wrong << d
                }
            }
        }
        wrong
    }

    def 'number comparison agrees with POI comparison at 15 significant digits'() {
        given:
        double[] x = samples(7, 20_000)
        double[] y = samples(8, 20_000)
        Random near = new Random(9)

        expect:
        (0..<x.length).findAll { i ->
            double b = near.nextBoolean() ? y[i] : x[i] * (1 + (near.nextInt(21) - 10) * 1e-15)
            Integer.signum(Operators.Compare.compareNumbers(x[i], b)) != Integer.signum(org.apache.poi.ss.util.NumberComparer.compare(x[i], b))
        }.take(5) == []
    }
}
