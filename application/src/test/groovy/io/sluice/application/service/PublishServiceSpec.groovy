package io.sluice.application.service

import io.sluice.application.port.InvalidWorkbookException
import io.sluice.application.port.ServiceRegistry.VersionConflictException
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

class PublishServiceSpec extends Specification {

    static final Caller ADA = new Caller(TenantId.of('acme'), 'ada', [] as Set)

    def registry = new InMemoryServiceRegistry()
    def clock = new MutableClock()
    def publish = new PublishService(new FakeCalculationEngine(), registry, clock)

    static PublishServiceCommand command(Map args = [:]) {
        PublishServiceCommand.of(ADA, args.folder ?: 'samples', args.service ?: 'Sales', 'Sales.xlsx',
                (args.containsKey('workbook') ? args.workbook : FakeCalculationEngine.sumWorkbook('a', 'b')) as byte[], args.version as String,
                args.versioning as String, args.start as String, args.end as String)
    }

    def 'the first publication of a service is 1.0.0 and holds the schema the engine read'() {
        when:
        def version = publish.publish(command())

        then:
        version.version().toString() == '1.0.0'
        version.schema().inputNames() == ['a', 'b']
        version.publishedBy() == 'ada'
        version.publishedAt() == clock.now
        registry.findVersion(ADA.tenant(), version.versionId()).isPresent()
    }

    def 'later publications bump the newest version by #versioning'() {
        given:
        publish.publish(command(version: '1.4.2'))

        expect:
        publish.publish(command(versioning: versioning)).version().toString() == next

        where:
        versioning | next
        'major'    | '2.0.0'
        'minor'    | '1.5.0'
        'patch'    | '1.4.3'
        null       | '1.5.0'
    }

    def 'every version of a service shares the service id'() {
        when:
        def first = publish.publish(command())
        def second = publish.publish(command())

        then:
        first.serviceId() == second.serviceId()
        first.versionId() != second.versionId()
    }

    def 'an explicit version that exists already is a conflict'() {
        given:
        publish.publish(command(version: '1.0.0'))

        when:
        publish.publish(command(version: '1.0.0'))

        then:
        thrown(VersionConflictException)
    }

    def 'a workbook the engine refuses is not stored'() {
        when:
        publish.publish(command(workbook: 'invalid'.bytes))

        then:
        thrown(InvalidWorkbookException)
        registry.services(ADA.tenant(), 0, 10).total() == 0
    }

    def 'effective dates are kept with the version'() {
        when:
        def version = publish.publish(command(start: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z'))

        then:
        version.effectiveStart().toString() == '2026-01-01T00:00:00Z'
        version.effectiveEnd().toString() == '2027-01-01T00:00:00Z'
    }

    def 'a malformed publication is refused before anything happens: #why'() {
        when:
        command(args)

        then:
        thrown(IllegalArgumentException)

        where:
        why                      | args
        'no folder'              | [folder: ' ']
        'illegal service name'   | [service: 'a.b']
        'bad version'            | [version: '1.0']
        'version and versioning' | [version: '1.0.0', versioning: 'major']
        'bad versioning'         | [versioning: 'huge']
        'bad date'               | [start: 'yesterday']
        'end before start'       | [start: '2026-02-01T00:00:00Z', end: '2026-01-01T00:00:00Z']
        'empty file'             | [workbook: new byte[0]]
    }
}
