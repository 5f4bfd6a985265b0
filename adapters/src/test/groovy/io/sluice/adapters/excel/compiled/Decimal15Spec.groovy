package io.sluice.adapters.excel.compiled

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
            switch (r.nextInt(6)) {
                case 0: values[i] = (r.nextInt(2000000) - 1000000) / 100d; break
                case 1: values[i] = r.nextInt(1000) + 0.5d * (r.nextInt(3) - 1); break
                case 2: values[i] = r.nextDouble() * Math.pow(10, r.nextInt(40) - 20); break
                case 3: values[i] = (r.nextInt(2000) - 1000) / 1000d + 0.005d; break
                case 4: values[i] = r.nextInt(100) / 10d; break
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

    def 'a value without a short decimal form takes the exact route'() {
        expect:
        Decimal15.decompose(Math.PI) == Decimal15.NONE
        Decimal15.decompose(1e300d) == Decimal15.NONE
        Decimal15.mantissa(Decimal15.decompose(-12.34d)) == -1234
        Decimal15.exponent(Decimal15.decompose(-12.34d)) == -2
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
