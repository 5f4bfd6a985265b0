package io.sluice.application.service

import io.sluice.domain.record.InvalidRecordTableException
import io.sluice.domain.record.OutputSelection
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

class ExecuteRecordsSpec extends Specification {

    static final Caller ADA = new Caller(TenantId.of('acme'), 'ada', [] as Set)

    def registry = new InMemoryServiceRegistry()
    def clock = new MutableClock()
    def engine = new FakeCalculationEngine()
    def execute = new ExecuteRecords(new ResolveService(registry, clock), new PrepareCalculation(engine, registry), engine, clock)

    def setup() {
        new PublishService(engine, registry, clock).publish(PublishServiceCommand.of(ADA, 'f', 'calc', null,
                FakeCalculationEngine.sumWorkbook('a', 'b'), null, null, null, null))
    }

    ExecuteCommand command(Object inputs, List<String> output = []) {
        new ExecuteCommand(ADA, new ResolveServiceQuery(ADA.tenant(), 'f/calc', null, null),
                ExecuteCommand.recordsOf(inputs), OutputSelection.of(output), null, null, 'corr-1')
    }

    def 'records given as a table and as objects give the same outcomes'() {
        when:
        def table = execute.execute(command([['a', 'b'], [1, 2], [3, 0]]))
        def objects = execute.execute(command([[a: 1, b: 2], [a: 3, b: 0]]))

        then:
        table.outcomes()*.outputs() == objects.outcomes()*.outputs()
        table.outcomes()*.outputs()*.total == [3, 3]
        table.outcomes()[1].errors()*.errorType() == ['#DIV/0!']
        table.outcomes()[0].errors().isEmpty()
    }

    def 'the result names the version, the engine and the call'() {
        when:
        def result = execute.execute(command([[a: 1, b: 2]]))

        then:
        result.version().uri() == 'f/calc[1.0.0]'
        result.compilerVersion() == 'Fake_v1'
        result.callId() != null
        result.requestTimestamp() == clock.now
        result.outputNames() == ['total', 'ratio']
    }

    def 'output keeps only the outputs named or matched'() {
        when:
        def result = execute.execute(command([[a: 1, b: 2]], ['tot.*']))

        then:
        result.outputNames() == ['total']
        result.outcomes()[0].outputs().keySet() == ['total'] as Set
    }

    def 'inputs of the wrong shape are refused: #why'() {
        when:
        ExecuteCommand.recordsOf(inputs)

        then:
        thrown(IllegalArgumentException)

        where:
        why                   | inputs
        'nothing'             | null
        'empty'               | []
        'a number'            | 5
        'mixed rows'          | [[a: 1], 5]
        'table row not list'  | [['a'], 5]
        'short table row'     | [['a', 'b'], [1]]
    }

    def 'a single object is one record'() {
        expect:
        ExecuteCommand.recordsOf([a: 1]) == [[a: 1]]
    }

    def 'a table header naming a column twice is refused'() {
        when:
        ExecuteCommand.recordsOf([['a', 'a'], [1, 2]])

        then:
        thrown(InvalidRecordTableException)
    }

    def 'a call of an unknown service is not found'() {
        when:
        execute.execute(new ExecuteCommand(ADA, new ResolveServiceQuery(ADA.tenant(), 'f/other', null, null),
                [[a: 1]], null, null, null, null))

        then:
        thrown(ServiceNotFoundException)
    }
}
