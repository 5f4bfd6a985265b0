package io.sluice.adapters.excel.compiled

import org.apache.poi.ss.usermodel.Workbook
import spock.lang.Specification

/**
 * Every test workbook through both the compiled plan and Apache POI's evaluator, over thousands
 * of random records including error-producing ones; the results must be identical.
 */
class CompiledPlanDifferentialSpec extends Specification {

    static final List<Object> ODD_TEXT = ['abc', '3', ' 4.5 ', '1e3', 'TRUE', 'false', '', 'A1', 'B2', '-2.5', '1/2/2024', 'Zed', 'Ch*', 'b?ead', '~*', 'EGGS']

    def 'the compiled sales example gives exactly the results of POI'() {
        expect:
        agree(TestWorkbooks.sales(), 2000, 11) { Random r, int i -> typicalNumber(r) }
    }

    def 'the compiled order workbook gives exactly the results of POI'() {
        expect:
        agree(TestWorkbooks.orders(), 1000, 12) { Random r, int i ->
            switch (i) {
                case 0: return r.nextInt(4) == 0 ? oddValue(r) : ['A1', 'B2', 'C3', 'D4', 'E5', 'a1', 'X9'][r.nextInt(7)]
                case 4: return r.nextInt(4) == 0 ? oddValue(r) : ['Acme Ltd', 'zeta', 'Mo', '', 'Bread', 'ch*'][r.nextInt(6)]
                case 5: return r.nextInt(4) == 0 ? oddValue(r) : r.nextBoolean()
                case 3: return r.nextInt(4) == 0 ? oddValue(r) : (double) r.nextInt(60000)
                default: return typicalNumber(r)
            }
        }
    }

    def 'the compiled dates and text workbook gives exactly the results of POI'() {
        expect:
        agree(TestWorkbooks.datesAndText(), 4000, 13) { Random r, int i ->
            switch (i) {
                case 0:
                case 1: return r.nextInt(6) == 0 ? oddValue(r) : serial(r)
                case 2: return [-1d, 0d, 1d, 2d, 3d, 4d, 4.9d, 5d, 1.5d, null, 'abc', '2', true, 0d, 1d, 1d][r.nextInt(16)]
                default: return r.nextInt(5) == 0 ? oddValue(r) : TEXTS[r.nextInt(TEXTS.size())]
            }
        }
    }

    static final List<Object> TEXTS = ['ada lovelace', 'GRACE hopper', "o'neil-smith", 'x', '', 'straße', 'İstanbul', 'élan vital', '12abc', 'BASIC', 'plus', 12d, -0.5d]

    static Object serial(Random r) {
        switch (r.nextInt(8)) {
            case 0: return (double) r.nextInt(80)
            case 1: return 2958465d - r.nextInt(3) + r.nextInt(3)
            case 2: return r.nextInt(3000000) + r.nextDouble()
            case 3: return ['2024-02-29', '2023-12-31', '1/2/2024', '2000-01-01', '45000'][r.nextInt(5)]
            case 4: return -r.nextInt(1000) - r.nextDouble()
            default: return (double) (30000 + r.nextInt(30000))
        }
    }

    static boolean agree(Workbook wb, int records, long seed, Closure<Object> value) {
        def inputs = TestWorkbooks.cells(wb, 'Xinput_')
        def outputs = TestWorkbooks.cells(wb, 'Xoutput_')
        CompiledPlan plan = FormulaCompiler.compile(wb, inputs, outputs)
        Frame frame = plan.newFrame()
        PoiReference poi = new PoiReference(wb, inputs, outputs)
        Random random = new Random(seed)
        for (int n = 0; n < records; n++) {
            List<Object> values = (0..<inputs.size()).collect { value(random, it) }
            def expected = poi.evaluate(values)
            def actual = PoiReference.evaluate(plan, frame, values)
            assert actual == expected: "record $n with inputs $values"
        }
        true
    }

    static Object typicalNumber(Random r) {
        switch (r.nextInt(13)) {
            case 0: return oddValue(r)
            case 12: return (double) (1890 + r.nextInt(220) - (r.nextBoolean() ? 0 : 1900))
            case 1: return 0d
            case 2: return -(r.nextInt(2000) + 0.5d) / [1, 10, 100, 1000][r.nextInt(4)]
            case 3: return (r.nextInt(2) * 2 - 1) * r.nextDouble() * Math.pow(10, 15 + r.nextInt(290))
            case 4: return r.nextDouble() * Math.pow(10, -r.nextInt(300))
            case 5: return r.nextDouble() * 1e6
            case 6: return (double) r.nextInt(200)
            case 7: return r.nextInt(100) / 1000d + 0.005d
            default: return (r.nextInt(2000000) - 100000) / 100d
        }
    }

    static Object oddValue(Random r) {
        switch (r.nextInt(4)) {
            case 0: return null
            case 1: return r.nextBoolean()
            default: return ODD_TEXT[r.nextInt(ODD_TEXT.size())]
        }
    }
}
