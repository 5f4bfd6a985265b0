package io.sluice.adapters.rest.batch

import com.fasterxml.jackson.core.io.NumberOutput
import spock.lang.Specification

class ShortDecimalsSpec extends Specification {

    static String shortDecimal(double value) {
        char[] text = new char[ShortDecimals.MAX_LENGTH]
        int length = ShortDecimals.write(value, text)
        length < 0 ? null : new String(text, 0, length)
    }

    /** Schubfach's text, the one Jackson writes when the short path declines. */
    static String schubfach(double value) {
        NumberOutput.toString(value, true)
    }

    def 'money and rates come out as their shortest decimal'() {
        expect:
        shortDecimal(value) == text

        where:
        value                || text
        1430.55d             || '1430.55'
        5942.2d              || '5942.2'
        -66.83d              || '-66.83'
        0.05d                || '0.05'
        0.001d               || '0.001'
        9999999.5d           || '9999999.5'
        0.1d + 0.2d          || null // 0.30000000000000004 needs 17 digits
        1430d                || null // whole: written as an integer
        1e7 + 0.5d           || null // Java writes it as 1.00000005E7
        0.0009d              || null // Java writes it as 9.0E-4
        0d                   || null
        Double.NaN           || null
        Double.POSITIVE_INFINITY || null
    }

    def 'every text it writes is Schubfach\'s, on a million values of every kind'() {
        given:
        def random = new Random(20261201)
        int taken = 0

        when:
        def mismatches = []
        1_000_000.times { i ->
            double value
            switch (i % 5) {
                case 0: value = Math.round(random.nextDouble() * 1e9) / 100d; break          // cents
                case 1: value = random.nextInt(1_000_000) / Math.pow(10, random.nextInt(7)); break // up to 6 places
                case 2: value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(11) - 3); break // full precision
                case 3: value = Math.round(random.nextDouble() * 2e6) / 1000d * 1.1d; break   // products of decimals
                default: value = Double.longBitsToDouble(random.nextLong()); break            // any bits
            }
            String fast = shortDecimal(value)
            if (fast != null) {
                taken++
                if (fast != schubfach(value) || Double.parseDouble(fast) != value) {
                    mismatches << "$value: $fast"
                }
            }
        }

        then:
        mismatches.take(10) == []
        taken > 400_000
    }

    def 'every value of up to six places below ten thousand reads back unchanged'() {
        when:
        def mismatches = []
        for (long scaled = 1; scaled < 10_000_000L; scaled += 7) {
            for (int places = 1; places <= 6; places += 2) {
                double value = scaled / Math.pow(10, places)
                String fast = shortDecimal(value)
                if (fast != null && fast != schubfach(value)) {
                    mismatches << "$value: $fast"
                }
            }
        }

        then:
        mismatches.take(10) == []
    }
}
