package io.sluice.adapters.excel

import io.sluice.application.port.CalculationKey
import io.sluice.application.port.InvalidWorkbookException
import io.sluice.application.port.PreparedCalculation
import io.sluice.domain.record.RecordError
import io.sluice.domain.service.FieldType
import io.sluice.domain.tenant.TenantId
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.Executors

class PoiCalculationEngineSpec extends Specification {

    static final TenantId ACME = TenantId.of('acme')

    @Shared
    PoiCalculationEngine engine = new PoiCalculationEngine(PoiCalculationEngine.Limits.defaults())
    @Shared
    byte[] sales = SampleWorkbooks.salesExample()
    @Shared
    byte[] quote = SampleWorkbooks.insuranceQuote()

    PreparedCalculation prepared(byte[] workbook) {
        engine.prepare(new CalculationKey(ACME, UUID.randomUUID()), { workbook })
    }

    def 'the sales example computes the rounded total of seed 000'() {
        when:
        def outcome = prepared(sales).newEvaluator().evaluate([price: 19.99, quantity: 3, tax: 0.2], ['total'] as Set)

        then:
        outcome.outputs() == [total: 71.96d]
        outcome.warnings().isEmpty()
        outcome.errors().isEmpty()
        outcome.processTimeNanos() > 0
    }

    def 'an input left out gets its default and a warning'() {
        when:
        def outcome = prepared(sales).newEvaluator().evaluate([price: 10, quantity: 5], ['total'] as Set)

        then:
        outcome.outputs() == [total: 55L]
        outcome.warnings()*.sourcePath() == ['Xinput_tax']
        outcome.warnings()[0].message().contains('0.1')
    }

    def 'a default is restored for the next record after a record overrode it'() {
        given:
        def evaluator = prepared(sales).newEvaluator()

        when:
        def first = evaluator.evaluate([price: 10, quantity: 5, tax: 0], ['total'] as Set)
        def second = evaluator.evaluate([price: 10, quantity: 5], ['total'] as Set)

        then:
        first.outputs().total == 50L
        second.outputs().total == 55L
    }

    def 'columns that are not inputs are ignored and names match ignoring case'() {
        when:
        def outcome = prepared(sales).newEvaluator().evaluate([PRICE: 2, Quantity: 3, tax: 0, sales_id: 'x'], ['total'] as Set)

        then:
        outcome.outputs() == [total: 6L]
        outcome.warnings().isEmpty()
    }

    def 'only the requested outputs are returned, in the service order'() {
        when:
        def outcome = prepared(quote).newEvaluator().evaluate([:], ['total', 'age', 'nonexistent'] as Set)

        then:
        outcome.outputs().keySet() as List == ['age', 'total']
    }

    def 'inspecting a sample reads its schema: names, places, types and defaults'() {
        when:
        def schema = engine.inspect(quote)

        then:
        schema.inputNames() == ['customer', 'product', 'birth_date', 'quote_date', 'amount', 'years', 'extras']
        schema.outputNames() == ['age', 'category', 'rate', 'monthly_payment', 'greeting', 'end_date', 'extras_total', 'total', 'schedule']
        with(schema.input('birth_date').get()) {
            sheet() == 'Quote'
            address() == 'B3'
            type() == FieldType.DATE
            defaultValue() == '1990-05-17'
        }
        schema.input('amount').get().type() == FieldType.NUMBER
        schema.input('customer').get().type() == FieldType.TEXT
        with(schema.input('extras').get()) {
            type() == FieldType.TABLE
            address() == 'D1:E6'
            columns() == ['item', 'price']
            defaultValue() == [[item: 'Helmet', price: 100L]]
        }
        schema.output('schedule').get().columns() == ['year', 'payment', 'balance']
    }

    def 'the richer sample looks up, branches, handles dates, text and tables'() {
        when:
        def outcome = prepared(quote).newEvaluator().evaluate([customer: 'grace hopper', product: 'PLUS',
                birth_date: '1950-03-01', quote_date: '2026-01-01', amount: 24000, years: 2,
                extras: [[item: 'Lock', price: 50], [item: 'Bell', price: 25.5]]], engine.inspect(quote).outputNames() as Set)

        then:
        outcome.errors().isEmpty()
        with(outcome.outputs()) {
            age == 75L
            category == 'senior'
            rate == 0.07d
            monthly_payment == 1140L
            greeting == 'Dear Grace Hopper, your plus quote'
            end_date == '2028-01-01'
            extras_total == 75.5d
            total == 27435.5d
            schedule == [[year: 1L, payment: 13680L, balance: 13755.5d], [year: 2L, payment: 13680L, balance: 75.5d]]
        }
    }

    def 'an Excel error in an output is that output value and a calculation error of the record'() {
        when:
        def outcome = prepared(quote).newEvaluator().evaluate([product: 'UNKNOWN', years: 3], ['rate', 'greeting'] as Set)

        then:
        outcome.outputs() == [rate: '#N/A', greeting: 'Dear Ada Lovelace, your unknown quote']
        outcome.errors() == [new RecordError('Xoutput_rate', 'The cell evaluates to #N/A', 'calculation_error', '#N/A')]
    }

    def 'every kind of Excel error is reported with its error type, and the next record is unaffected'() {
        given:
        def evaluator = prepared(errorWorkbook()).newEvaluator()

        when:
        def outcome = evaluator.evaluate([kind: kind], ['result'] as Set)
        def neighbour = evaluator.evaluate([kind: 8], ['result'] as Set)

        then:
        outcome.outputs().result == error
        outcome.errors()*.errorType() == [error]
        outcome.errors()*.errorCategory() == ['calculation_error']
        neighbour.outputs().result == 42L
        neighbour.errors().isEmpty()

        where:
        kind | error
        1    | '#DIV/0!'
        2    | '#N/A'
        3    | '#VALUE!'
        4    | '#NUM!'
        5    | '#REF!'
        6    | '#NAME?'
        7    | '#NULL!'
    }

    def 'a value that does not fit its input is an input error and nothing is calculated'() {
        when:
        def outcome = prepared(sales).newEvaluator().evaluate([price: 'ten', quantity: 2], ['total'] as Set)

        then:
        outcome.outputs() == [total: null]
        outcome.errors().size() == 1
        with(outcome.errors()[0]) {
            sourcePath() == 'Xinput_price'
            errorCategory() == 'input_error'
            message().contains('ten')
        }
    }

    def 'text numbers, booleans and dates are converted to the input type'() {
        when:
        def outcome = prepared(quote).newEvaluator().evaluate([amount: '12000', years: 3.0, birth_date: '2010-01-01T00:00:00',
                quote_date: 46023], ['age', 'category'] as Set)

        then:
        outcome.errors().isEmpty()
        outcome.outputs() == [age: 16L, category: 'minor']
    }

    def 'a table input holds at most the rows of its range'() {
        when:
        def outcome = prepared(quote).newEvaluator().evaluate([extras: (1..6).collect { [item: "i$it", price: 1] }], ['extras_total'] as Set)

        then:
        outcome.errors()[0].errorCategory() == 'input_error'
        outcome.errors()[0].message().contains('at most 5 rows')
    }

    def 'a stack overflow fails only its record and the evaluator goes on with a fresh fork'() {
        given:
        def evaluator = prepared(chainWorkbook(3000)).newEvaluator()
        def results = []

        when:
        def thread = new Thread(null, {
            results << evaluator.evaluate([start: 1], ['end'] as Set)
        }, 'small-stack', 128 * 1024)
        thread.start()
        thread.join()
        def worker = engine.workerThreadFactory('calc').newThread {
            results << evaluator.evaluate([start: 1], ['end'] as Set)
        }
        worker.start()
        worker.join()

        then:
        results[0].errors()*.errorCategory() == ['processing_error']
        results[0].outputs() == [end: null]
        results[1].errors().isEmpty()
        results[1].outputs() == [end: 3000L]
    }

    def 'N threads evaluating one version give exactly the single-thread results'() {
        given:
        def calculation = prepared(quote)
        def outputs = calculation.outputNames() as Set
        def records = (0..<400).collect { i ->
            [customer: "c$i", product: ['BASIC', 'PLUS', 'PREMIUM', 'NONE'][i % 4], amount: 1000 + i * 7,
             years: i % 6, birth_date: "19${50 + i % 50}-0${1 + i % 9}-1${i % 9}".toString(), extras: [[item: 'x', price: i % 13]]]
        }
        def single = calculation.newEvaluator()
        def expected = records.collect { single.evaluate(it, outputs).outputs() }

        when:
        def pool = Executors.newFixedThreadPool(4, engine.workerThreadFactory('spec'))
        def futures = (0..<4).collect { t ->
            pool.submit({
                def mine = calculation.newEvaluator()
                def shuffled = (0..<records.size()).toList()
                Collections.shuffle(shuffled, new Random(t))
                shuffled.collectEntries { [(it): mine.evaluate(records[it], outputs).outputs()] }
            } as Callable)
        }
        def perThread = futures*.get()
        pool.shutdown()

        then:
        perThread.every { results -> (0..<records.size()).every { results[it] == expected[it] } }
    }

    def 'a version is prepared once and then served from the cache'() {
        given:
        def key = new CalculationKey(ACME, UUID.randomUUID())
        int reads = 0

        when:
        def first = engine.prepare(key, { reads++; sales })
        def second = engine.prepare(key, { reads++; sales })

        then:
        first.is(second)
        reads == 1
    }

    def 'prepared versions are evicted least recently used under the memory budget'() {
        given:
        def small = new PoiCalculationEngine(new PoiCalculationEngine.Limits(1, 1024 * 1024))
        def a = new CalculationKey(ACME, UUID.randomUUID())
        def b = new CalculationKey(ACME, UUID.randomUUID())

        when:
        small.prepare(a, { sales })
        small.prepare(b, { sales })

        then:
        !small.cache().contains(a)
        small.cache().contains(b)
    }

    def 'the same version id of another tenant is another cache entry'() {
        given:
        def id = UUID.randomUUID()

        when:
        engine.prepare(new CalculationKey(ACME, id), { sales })
        engine.prepare(new CalculationKey(TenantId.of('other'), id), { throw new NoSuchElementException('not yours') })

        then:
        thrown(NoSuchElementException)
    }

    def 'compiler_version names the engine and its version'() {
        expect:
        engine.compilerVersion().startsWith('Sluice-Excel_v1.0.0')
    }

    static byte[] errorWorkbook() {
        new WorkbookBuilder().sheet('E')
                .set('A1', 8)
                .set('B1', '=CHOOSE(A1,1/0,NA(),"a"+1,SQRT(-1),#REF!,#NAME?,#NULL!,42)')
                .name('Xinput_kind', 'E!$A$1')
                .name('Xoutput_result', 'E!$B$1')
                .bytes()
    }

    static byte[] chainWorkbook(int length) {
        def builder = new WorkbookBuilder().sheet('C').set('A1', 1)
        (2..length).each { builder.set("A$it", "=A${it - 1}+1") }
        builder.name('Xinput_start', 'C!$A$1').name('Xoutput_end', "C!\$A\$$length").bytes(false)
    }
}
