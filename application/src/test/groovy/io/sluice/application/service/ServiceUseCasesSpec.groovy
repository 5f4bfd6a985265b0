package io.sluice.application.service

import io.sluice.application.port.CalculationKey
import io.sluice.domain.service.ServiceReference
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

/** Resolving references, listing, schemas, downloads and retirement, on the in-memory registry. */
class ServiceUseCasesSpec extends Specification {

    static final TenantId ACME = TenantId.of('acme')
    static final TenantId GLOBEX = TenantId.of('globex')

    def registry = new InMemoryServiceRegistry()
    def clock = new MutableClock()
    def engine = new FakeCalculationEngine()
    def publish = new PublishService(engine, registry, clock)
    def resolve = new ResolveService(registry, clock)
    Map<String, UUID> ids = [:]

    def setup() {
        ['1.0.0', '1.4.2', '1.4.3', '1.5.0', '2.0.0'].each {
            def version = publish.publish(PublishServiceCommand.of(new Caller(ACME, 'ada', [] as Set), 'stocks', 'NVDA',
                    null, FakeCalculationEngine.sumWorkbook('a'), it, null, null, null))
            ids[it] = version.versionId()
            ids.service = version.serviceId()
        }
    }

    String resolved(String reference, UUID versionId = null, TenantId tenant = ACME) {
        resolve.resolve(new ResolveServiceQuery(tenant, reference, versionId, null)).version().toString()
    }

    def 'every URI form resolves to the version it means: #reference'() {
        expect:
        resolved(reference) == version

        where:
        reference                            | version
        'stocks/NVDA'                        | '2.0.0'
        'stocks/NVDA[1.4.2]'                 | '1.4.2'
        'stocks/NVDA[1.4]'                   | '1.4.3'
        'stocks/NVDA[1]'                     | '1.5.0'
        '/folders/stocks/services/NVDA'      | '2.0.0'
        '/folders/stocks/services/NVDA[1.4]' | '1.4.3'
    }

    def 'a service id means its newest version and a version id that version'() {
        expect:
        resolved(ids.service.toString()) == '2.0.0'
        resolved(ids['1.4.2'].toString()) == '1.4.2'
        resolved(null, ids['1.0.0']) == '1.0.0'
        resolved('stocks/NVDA', ids['1.0.0']) == '1.0.0'
    }

    def 'a version id that belongs to another service than the one named is not found'() {
        given:
        def other = publish.publish(PublishServiceCommand.of(new Caller(ACME, 'ada', [] as Set), 'stocks', 'AMD',
                null, FakeCalculationEngine.sumWorkbook('a'), null, null, null, null))

        when:
        resolved('stocks/NVDA', other.versionId())

        then:
        thrown(ServiceNotFoundException)
    }

    def 'another tenant resolves none of it: #reference'() {
        when:
        resolve.resolve(new ResolveServiceQuery(GLOBEX, reference == 'service' ? ids.service.toString()
                : reference == 'version' ? ids['1.0.0'].toString() : reference, null, null))

        then:
        thrown(ServiceNotFoundException)

        where:
        reference << ['stocks/NVDA', 'service', 'version', 'stocks/NVDA[1.4.2]']
    }

    def 'a selector no version matches is not found'() {
        when:
        resolved('stocks/NVDA[3]')

        then:
        thrown(ServiceNotFoundException)
    }

    def 'version_by_timestamp picks the version in effect then'() {
        given:
        def caller = new Caller(ACME, 'ada', [] as Set)
        publish.publish(PublishServiceCommand.of(caller, 'tax', 'Rates', null, FakeCalculationEngine.sumWorkbook('a'),
                '1.0.0', null, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'))
        publish.publish(PublishServiceCommand.of(caller, 'tax', 'Rates', null, FakeCalculationEngine.sumWorkbook('a'),
                '2.0.0', null, '2026-01-01T00:00:00Z', null))

        expect:
        resolve.resolve(new ResolveServiceQuery(ACME, 'tax/Rates', null, java.time.Instant.parse('2025-06-01T00:00:00Z')))
                .version().toString() == '1.0.0'
        resolve.resolve(new ResolveServiceQuery(ACME, 'tax/Rates', null, null)).version().toString() == '2.0.0'
    }

    def 'a retired version is no longer resolved, but stays listed and can still be prepared'() {
        when:
        def retired = new RetireVersion(registry, clock).retire(ACME, ids['2.0.0'])

        then:
        retired.isRetired()
        resolved('stocks/NVDA') == '1.5.0'
        new ListVersions(registry).list(ACME, ServiceReference.parse('stocks/NVDA'))*.version()*.toString() ==
                ['2.0.0', '1.5.0', '1.4.3', '1.4.2', '1.0.0']
        new PrepareCalculation(engine, registry).prepare(ACME, ids['2.0.0']).outputNames() == ['total', 'ratio']

        when:
        resolve.resolve(new ResolveServiceQuery(ACME, ids['2.0.0'].toString(), null, null))

        then:
        thrown(ServiceNotFoundException)
    }

    def 'the schema and the original workbook of a version are returned to its tenant only'() {
        expect:
        new GetVersionSchema(registry).get(ACME, ids['1.0.0']).schema().inputNames() == ['a']
        new DownloadWorkbook(registry).download(ACME, ids['1.0.0']).content() == FakeCalculationEngine.sumWorkbook('a')
        new DownloadWorkbook(registry).download(ACME, ids['1.0.0']).fileName() == 'NVDA.xlsx'

        when:
        new DownloadWorkbook(registry).download(GLOBEX, ids['1.0.0'])

        then:
        thrown(ServiceNotFoundException)
    }

    def 'services are listed a page at a time'() {
        when:
        def page = new ListServices(registry).list(new ListServices.ListServicesQuery(ACME, 0, 10))

        then:
        page.total() == 1
        page.services()[0].latestVersion() == '2.0.0'
    }

    def 'a version is prepared once, and another tenant cannot prepare it'() {
        given:
        def prepare = new PrepareCalculation(engine, registry)

        when:
        prepare.prepare(ACME, ids['1.0.0'])
        prepare.prepare(ACME, ids['1.0.0'])

        then:
        engine.preparations == 1
        engine.prepared.containsKey(new CalculationKey(ACME, ids['1.0.0']))

        when:
        prepare.prepare(GLOBEX, ids['1.0.0'])

        then:
        thrown(ServiceNotFoundException)
    }
}
