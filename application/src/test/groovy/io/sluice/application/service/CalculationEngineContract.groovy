package io.sluice.application.service

import io.sluice.application.port.CalculationEngine
import io.sluice.application.port.CalculationKey
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

/**
 * What every {@link CalculationEngine} promises, on a service with inputs {@code a} and {@code b}
 * (default 1 each) and outputs {@code total = a + b} and {@code ratio = a / b}.
 */
abstract class CalculationEngineContract extends Specification {

    static final TenantId ACME = TenantId.of('acme')

    abstract CalculationEngine engine()

    /** The engine's form of the a/b workbook. */
    abstract byte[] sumWorkbook()

    def key() {
        new CalculationKey(ACME, UUID.randomUUID())
    }

    def 'inspection reads the inputs and outputs in order'() {
        when:
        def schema = engine().inspect(sumWorkbook())

        then:
        schema.inputNames() == ['a', 'b']
        schema.outputNames() == ['total', 'ratio']
    }

    def 'a record is computed, and an input left out gets its default and a warning'() {
        given:
        def evaluator = engine().prepare(key(), { sumWorkbook() }).newEvaluator()

        when:
        def full = evaluator.evaluate([a: 2, b: 4], ['total', 'ratio'] as Set)
        def partial = evaluator.evaluate([a: 2], ['total'] as Set)

        then:
        (full.outputs().total as BigDecimal) == 6
        (full.outputs().ratio as BigDecimal) == 0.5
        full.warnings().isEmpty()
        (partial.outputs().total as BigDecimal) == 3
        partial.warnings()*.sourcePath() == ['Xinput_b']
    }

    def 'an Excel error fails its record only'() {
        given:
        def evaluator = engine().prepare(key(), { sumWorkbook() }).newEvaluator()

        when:
        def failed = evaluator.evaluate([a: 1, b: 0], ['ratio'] as Set)
        def fine = evaluator.evaluate([a: 1, b: 2], ['ratio'] as Set)

        then:
        failed.outputs().ratio == '#DIV/0!'
        failed.errors()*.errorType() == ['#DIV/0!']
        failed.errors()*.errorCategory() == ['calculation_error']
        fine.errors().isEmpty()
    }

    def 'a version is prepared once per tenant and version'() {
        given:
        def key = key()
        int reads = 0

        when:
        def first = engine().prepare(key, { reads++; sumWorkbook() })
        def again = engine().prepare(key, { reads++; sumWorkbook() })
        engine().prepare(new CalculationKey(TenantId.of('globex'), key.versionId()), { reads++; sumWorkbook() })

        then:
        first.is(again)
        reads == 2
    }
}
