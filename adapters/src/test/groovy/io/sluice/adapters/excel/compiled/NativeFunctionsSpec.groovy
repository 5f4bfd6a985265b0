package io.sluice.adapters.excel.compiled

import groovy.transform.CompileStatic
import org.apache.poi.ss.formula.OperationEvaluationContext
import org.apache.poi.ss.formula.atp.AnalysisToolPak
import org.apache.poi.ss.formula.eval.NumberEval
import org.apache.poi.ss.formula.eval.StringEval
import org.apache.poi.ss.formula.eval.ValueEval
import org.apache.poi.ss.formula.functions.FreeRefFunction
import org.apache.poi.ss.formula.functions.TextFunction
import spock.lang.Specification

/**
 * The functions compiled natively against Apache POI's own implementations, called directly
 * over very many random arguments: every result must be the same double or the same text.
 */
class NativeFunctionsSpec extends Specification {

    static final int LAST_SERIAL = 2958465

    def 'YEARFRAC agrees with POI on random date pairs for basis #basis'() {
        expect:
        yearFracMismatches(basis, 200_000, 100 + basis) == []

        where:
        basis << [0, 1, 2, 3, 4]
    }

    def 'YEARFRAC agrees with POI on every pair of month ends and neighbours in eight years'() {
        given: 'the last two days of each month and the first of the next, 2019 to 2026 (leap years and not)'
        List<Integer> days = []
        for (int serial = 43466; serial <= 46387; serial++) {
            int civil = YearFrac.civil(serial)
            int next = YearFrac.civil(serial + 1)
            int after = YearFrac.civil(serial + 2)
            if ((next & 31) == 1 || (after & 31) == 1 || (civil & 31) == 1) {
                days << serial
            }
        }

        expect:
        [0, 1, 2, 3, 4].collectMany { int basis -> pairMismatches(days as int[], basis) } == []
    }

    def 'EDATE agrees with POI from every day of 2019 to 2026 and on random dates, month ends clamped'() {
        expect:
        addMonthsMismatches() == []
    }

    def 'the civil date of a serial is the one java.time gives'() {
        expect:
        civilMismatches() == []
    }

    def 'PROPER, LOWER and UPPER agree with POI on random text, accented and other scripts included'() {
        expect:
        textMismatches(100_000, 7) == []
    }

    @CompileStatic
    static List<List<Object>> yearFracMismatches(int basis, int count, long seed) {
        FreeRefFunction poi = AnalysisToolPak.instance.findFunction('YEARFRAC')
        OperationEvaluationContext context = new OperationEvaluationContext(null, null, 0, 0, 0, null)
        Random r = new Random(seed)
        List<List<Object>> wrong = []
        for (int i = 0; i < count && wrong.size() < 5; i++) {
            int start = 61 + r.nextInt(LAST_SERIAL - 60)
            int end
            switch (r.nextInt(4)) {
                case 0: end = 61 + r.nextInt(LAST_SERIAL - 60); break
                case 1: end = start + r.nextInt(800) - 400; break
                case 2: end = start + 365 * (r.nextInt(5) - 2) + r.nextInt(5) - 2; break
                default: end = start + r.nextInt(40) - 20
            }
            end = Math.max(61, Math.min(LAST_SERIAL, end))
            double startArg = start + (r.nextInt(4) == 0 ? r.nextDouble() : 0d)
            double endArg = end + (r.nextInt(4) == 0 ? r.nextDouble() : 0d)
            ValueEval[] args = [new NumberEval(startArg), new NumberEval(endArg), new NumberEval(basis)] as ValueEval[]
            double expected = ((NumberEval) poi.evaluate(args, context)).numberValue
            double actual = YearFrac.fraction((int) Math.floor(startArg), (int) Math.floor(endArg), basis)
            if (Double.compare(actual, expected) != 0) {
                wrong << ([startArg, endArg, basis, actual, expected] as List<Object>)
            }
        }
        wrong
    }

    @CompileStatic
    static List<List<Object>> pairMismatches(int[] days, int basis) {
        FreeRefFunction poi = AnalysisToolPak.instance.findFunction('YEARFRAC')
        OperationEvaluationContext context = new OperationEvaluationContext(null, null, 0, 0, 0, null)
        List<List<Object>> wrong = []
        for (int a : days) {
            for (int b : days) {
                ValueEval[] args = [new NumberEval(a), new NumberEval(b), new NumberEval(basis)] as ValueEval[]
                double expected = ((NumberEval) poi.evaluate(args, context)).numberValue
                double actual = YearFrac.fraction(a, b, basis)
                if (Double.compare(actual, expected) != 0 && wrong.size() < 5) {
                    wrong << ([a, b, basis, actual, expected] as List<Object>)
                }
            }
        }
        wrong
    }

    @CompileStatic
    static List<List<Object>> addMonthsMismatches() {
        FreeRefFunction poi = AnalysisToolPak.instance.findFunction('EDATE')
        OperationEvaluationContext context = new OperationEvaluationContext(null, null, 0, 0, 0, null)
        Random r = new Random(7)
        List<List<Object>> wrong = []
        List<Integer> starts = (43466..46387).toList() + (0..<100_000).collect { 367 + r.nextInt(LAST_SERIAL - 366) }
        for (int start : starts) {
            int months = r.nextInt(10) == 0 ? r.nextInt(240_001) - 120_000 : r.nextInt(121) - 60
            double actual = Dates.addMonths(start, months)
            if (!Double.isNaN(actual)) {
                ValueEval[] args = [new NumberEval(start), new NumberEval(months)] as ValueEval[]
                double expected = ((NumberEval) poi.evaluate(args, context)).numberValue
                if (Double.compare(actual, expected) != 0 && wrong.size() < 5) {
                    wrong << ([start, months, actual, expected] as List<Object>)
                }
            }
        }
        wrong
    }

    @CompileStatic
    static List<Integer> civilMismatches() {
        List<Integer> wrong = []
        long epoch = java.time.LocalDate.of(1899, 12, 30).toEpochDay()
        for (int serial = 61; serial <= LAST_SERIAL && wrong.size() < 5; serial++) {
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(epoch + serial)
            int civil = YearFrac.civil(serial)
            if (civil != (date.year << 9 | date.monthValue << 5 | date.dayOfMonth)) {
                wrong << serial
            }
        }
        wrong
    }

    static final String ALPHABET = "abcXYZ019 -'_.,!?\t" + 'ßİıǅǆǄéÉçÇøØæÆœŒαβγΣσςДжЖ文字ﬁ\uD83D\uDE00\uD801\uDC00'

    @CompileStatic
    static List<String> textMismatches(int count, long seed) {
        Random r = new Random(seed)
        List<String> wrong = []
        for (int i = 0; i < count && wrong.size() < 5; i++) {
            StringBuilder text = new StringBuilder()
            int length = r.nextInt(12)
            for (int k = 0; k < length; k++) {
                text.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())))
            }
            String s = text.toString()
            ValueEval[] args = [new StringEval(s)] as ValueEval[]
            if (Texts.proper(s) != ((StringEval) TextFunction.PROPER.evaluate(args, 0, 0)).stringValue
                    || s.toLowerCase(Locale.ROOT) != ((StringEval) TextFunction.LOWER.evaluate(args, 0, 0)).stringValue
                    || s.toUpperCase(Locale.ROOT) != ((StringEval) TextFunction.UPPER.evaluate(args, 0, 0)).stringValue) {
                wrong << s
            }
        }
        wrong
    }
}
