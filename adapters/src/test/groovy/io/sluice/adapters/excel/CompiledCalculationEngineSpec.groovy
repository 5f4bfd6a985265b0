package io.sluice.adapters.excel

import io.sluice.application.port.CalculationKey
import io.sluice.application.port.PreparedCalculation
import io.sluice.application.port.RecordEvaluator
import io.sluice.domain.record.RecordOutcome
import io.sluice.domain.tenant.TenantId
import spock.lang.Shared
import spock.lang.Specification

import java.time.LocalDate

/**
 * The compiled engine behind the calculation engine port: every sample workbook evaluated by it
 * and by the POI engine over thousands of random records, error-producing ones included, gives
 * identical outcomes; what it cannot compile is left to POI.
 */
class CompiledCalculationEngineSpec extends Specification {

    static final TenantId ACME = TenantId.of('acme')

    @Shared
    PoiCalculationEngine compiled = new PoiCalculationEngine(PoiCalculationEngine.Limits.defaults(), PoiCalculationEngine.Kind.COMPILED)
    @Shared
    PoiCalculationEngine poi = new PoiCalculationEngine(PoiCalculationEngine.Limits.defaults(), PoiCalculationEngine.Kind.POI)

    static PreparedCalculation prepare(PoiCalculationEngine engine, byte[] workbook) {
        engine.prepare(new CalculationKey(ACME, UUID.randomUUID()), { workbook })
    }

    def 'the samples are compiled'() {
        expect:
        prepare(compiled, workbook) instanceof CompiledPreparedCalculation

        where:
        workbook << [SampleWorkbooks.salesExample(), SampleWorkbooks.insuranceQuote()]
    }

    def 'compiler_version says that formulas are compiled'() {
        expect:
        compiled.compilerVersion().startsWith('Sluice-Excel_v1.0.0 (compiled formulas, Apache POI')
        !poi.compilerVersion().contains('compiled')
    }

    def 'the sales example gives the outcomes of the POI engine on random records'() {
        expect:
        agree(SampleWorkbooks.salesExample(), 2000, 21) { Random r ->
            sometimesLeftOut(r, [price: number(r), quantity: number(r), tax: number(r)])
        }
    }

    def 'the insurance quote gives the outcomes of the POI engine on random records'() {
        expect:
        agree(SampleWorkbooks.insuranceQuote(), 1000, 22) { Random r ->
            sometimesLeftOut(r, [customer  : r.nextInt(8) == 0 ? odd(r) : ['ada lovelace', 'GRACE hopper', '', 'x'][r.nextInt(4)],
                                 product   : r.nextInt(8) == 0 ? odd(r) : ['BASIC', 'plus', 'PREMIUM', 'GOLD'][r.nextInt(4)],
                                 birth_date: date(r), quote_date: date(r),
                                 amount    : number(r), years: r.nextInt(6) == 0 ? number(r) : r.nextInt(7),
                                 extras    : r.nextInt(5) == 0 ? odd(r) : (0..<r.nextInt(4)).collect { [item: 'i' + it, price: number(r)] }])
        }
    }

    def 'an outcome keeps its own warnings and errors while its evaluator goes on to the next records'() {
        given:
        def evaluator = prepare(compiled, SampleWorkbooks.salesExample()).newEvaluator()
        def total = ['total'] as Set

        when:
        def warned = evaluator.evaluate([price: 10, quantity: 5], total)
        def failed = evaluator.evaluate([price: 'ten', quantity: 5, tax: 0.1], total)
        def clean = evaluator.evaluate([price: 10, quantity: 5, tax: 0.1], total)

        then:
        warned.warnings()*.sourcePath() == ['Xinput_tax']
        warned.errors().isEmpty()
        failed.errors()*.errorCategory() == ['input_error']
        failed.warnings().isEmpty()
        clean.outputs() == [total: 55L]
        clean.warnings().isEmpty()
        clean.errors().isEmpty()
    }

    def 'a workbook the compiler cannot take is evaluated by POI'() {
        given:
        byte[] volatileBook = new WorkbookBuilder().sheet('S').set('A1', 1).set('A2', '=A1+NOW()*0')
                .name('Xinput_a', 'S!$A$1').name('Xoutput_b', 'S!$A$2').bytes(false)

        when:
        def prepared = prepare(compiled, volatileBook)

        then:
        prepared instanceof PoiPreparedCalculation
        prepared.newEvaluator().evaluate([a: 41], ['b'] as Set).outputs() == [b: 41L]
    }

    def 'a formula chain deeper than a small thread stack is evaluated without recursion'() {
        given:
        def evaluator = prepare(compiled, PoiCalculationEngineSpec.chainWorkbook(3000)).newEvaluator()
        def results = []

        when:
        def thread = new Thread(null, { results << evaluator.evaluate([start: 1], ['end'] as Set) }, 'small-stack', 128 * 1024)
        thread.start()
        thread.join()

        then:
        results[0].errors().isEmpty()
        results[0].outputs() == [end: 3000L]
    }

    boolean agree(byte[] workbook, int records, long seed, Closure<Map<String, Object>> record) {
        def fast = prepare(compiled, workbook)
        assert fast instanceof CompiledPreparedCalculation
        def fastEvaluator = fast.newEvaluator()
        def reference = prepare(poi, workbook).newEvaluator()
        def outputs = fast.outputNames() as Set
        Random random = new Random(seed)
        for (int n = 0; n < records; n++) {
            Map<String, Object> inputs = record(random)
            def expected = outcome(reference, inputs, outputs)
            def actual = outcome(fastEvaluator, inputs, outputs)
            assert actual == expected: "record $n with inputs $inputs"
        }
        true
    }

    /** The outcome without its timing; a failure escaping the evaluator must be the same failure. */
    static Object outcome(RecordEvaluator evaluator, Map<String, Object> inputs, Set<String> outputs) {
        try {
            RecordOutcome outcome = evaluator.evaluate(inputs, outputs)
            [outcome.outputs(), outcome.warnings(), outcome.errors()]
        } catch (Throwable e) {
            e.class.name
        }
    }

    static Map<String, Object> sometimesLeftOut(Random r, Map<String, Object> record) {
        record.findAll { r.nextInt(12) != 0 }
    }

    static Object number(Random r) {
        switch (r.nextInt(10)) {
            case 0: return odd(r)
            case 1: return 0
            case 2: return -(r.nextInt(2000) + 0.5d) / [1, 10, 100][r.nextInt(3)]
            case 3: return r.nextDouble() * Math.pow(10, 15 + r.nextInt(280))
            case 4: return r.nextDouble() * Math.pow(10, -r.nextInt(300))
            case 5: return r.nextInt(100) / 1000d + 0.005d
            default: return (r.nextInt(2000000) - 100000) / 100d
        }
    }

    static Object date(Random r) {
        r.nextInt(8) == 0 ? odd(r) : LocalDate.of(1930, 1, 1).plusDays(r.nextInt(40000)).toString()
    }

    static Object odd(Random r) {
        [null, true, false, 'abc', '3', ' 4.5 ', '', '2024-02-30', '-2.5', 12, 1e300d][r.nextInt(11)]
    }
}
