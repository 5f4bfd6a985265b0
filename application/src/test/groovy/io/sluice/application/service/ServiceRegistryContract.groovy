package io.sluice.application.service

import io.sluice.application.port.ServiceRegistry
import io.sluice.application.port.ServiceRegistry.VersionConflictException
import io.sluice.domain.service.FieldType
import io.sluice.domain.service.SchemaField
import io.sluice.domain.service.SemanticVersion
import io.sluice.domain.service.ServicePath
import io.sluice.domain.service.ServiceSchema
import io.sluice.domain.service.ServiceVersion
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.time.Instant
import java.time.temporal.ChronoUnit

/** What every {@link ServiceRegistry} promises; the in-memory fake and the JDBC adapter both pass it. */
abstract class ServiceRegistryContract extends Specification {

    static final TenantId ACME = TenantId.of('acme')
    static final TenantId GLOBEX = TenantId.of('globex')
    static final Instant NOW = Instant.parse('2026-11-22T10:00:00Z')
    static final ServiceSchema SCHEMA = new ServiceSchema(
            [SchemaField.cell('price', 'Sales', 'B1', FieldType.NUMBER, 100L),
             new SchemaField('extras', 'Sales', 'D1:E3', FieldType.TABLE, [[item: 'Helmet', price: 5L]], ['item', 'price'])],
            [SchemaField.cell('total', 'Sales', 'B5', FieldType.NUMBER, null)])

    abstract ServiceRegistry registry()

    static ServiceVersion aVersion(UUID serviceId, String folder, String name, String version, Map extra = [:]) {
        new ServiceVersion(UUID.randomUUID(), serviceId, new ServicePath(folder, name), SemanticVersion.parse(version),
                extra.start as Instant, extra.end as Instant, NOW, 'ada', null, "${name}.xlsx", 3, SCHEMA)
    }

    def 'a published version is found with its schema, dates and workbook'() {
        given:
        def service = UUID.randomUUID()
        def version = aVersion(service, 'samples', 'Sales', '1.0.0', [start: NOW, end: NOW.plus(1, ChronoUnit.DAYS)])

        when:
        registry().publish(ACME, version, [1, 2, 3] as byte[])

        then:
        registry().findServiceId(ACME, new ServicePath('samples', 'Sales')) == Optional.of(service)
        with(registry().findVersion(ACME, version.versionId()).get()) {
            it.version() == SemanticVersion.FIRST
            path() == new ServicePath('samples', 'Sales')
            effectiveStart() == NOW
            effectiveEnd() == NOW.plus(1, ChronoUnit.DAYS)
            publishedAt() == NOW
            publishedBy() == 'ada'
            fileName() == 'Sales.xlsx'
            schema().inputNames() == ['price', 'extras']
            schema().input('extras').get().columns() == ['item', 'price']
            schema().input('extras').get().type() == FieldType.TABLE
            (schema().input('price').get().defaultValue() as Number).longValue() == 100L
            schema().outputNames() == ['total']
            !isRetired()
        }
        registry().workbook(ACME, version.versionId()).get() == [1, 2, 3] as byte[]
    }

    def 'versions of a service come newest first'() {
        given:
        def service = UUID.randomUUID()
        ['1.0.0', '1.10.0', '1.2.0'].each { registry().publish(ACME, aVersion(service, 'f', 'ordered', it), [0] as byte[]) }

        expect:
        registry().versions(ACME, service)*.version()*.toString() == ['1.10.0', '1.2.0', '1.0.0']
    }

    def 'publishing a version the service has already is a conflict'() {
        given:
        def service = UUID.randomUUID()
        registry().publish(ACME, aVersion(service, 'f', 'twice', '1.0.0'), [0] as byte[])

        when:
        registry().publish(ACME, aVersion(service, 'f', 'twice', '1.0.0'), [0] as byte[])

        then:
        thrown(VersionConflictException)
    }

    def 'another tenant sees nothing of a service or its versions'() {
        given:
        def service = UUID.randomUUID()
        def version = aVersion(service, 'f', 'private', '1.0.0')
        registry().publish(ACME, version, [9] as byte[])

        expect:
        registry().findServiceId(GLOBEX, new ServicePath('f', 'private')).isEmpty()
        registry().versions(GLOBEX, service).isEmpty()
        registry().findVersion(GLOBEX, version.versionId()).isEmpty()
        registry().workbook(GLOBEX, version.versionId()).isEmpty()
        !registry().retire(GLOBEX, version.versionId(), NOW)
        !registry().findVersion(ACME, version.versionId()).get().isRetired()
    }

    def 'two tenants may publish the same path independently'() {
        when:
        registry().publish(ACME, aVersion(UUID.randomUUID(), 'shared', 'name', '1.0.0'), [1] as byte[])
        registry().publish(GLOBEX, aVersion(UUID.randomUUID(), 'shared', 'name', '1.0.0'), [2] as byte[])

        then:
        registry().findServiceId(ACME, new ServicePath('shared', 'name')) != registry().findServiceId(GLOBEX, new ServicePath('shared', 'name'))
    }

    def 'a retired version stays listed with its retirement time'() {
        given:
        def version = aVersion(UUID.randomUUID(), 'f', 'retiring', '1.0.0')
        registry().publish(ACME, version, [0] as byte[])

        when:
        def first = registry().retire(ACME, version.versionId(), NOW.plusSeconds(5))
        def second = registry().retire(ACME, version.versionId(), NOW.plusSeconds(9))

        then:
        first
        !second
        registry().findVersion(ACME, version.versionId()).get().retiredAt() == NOW.plusSeconds(5)
    }

    def 'services are listed a page at a time with their newest version'() {
        given:
        def tenant = TenantId.of('paging-' + UUID.randomUUID().toString().substring(0, 8))
        def a = UUID.randomUUID()
        registry().publish(tenant, aVersion(a, 'a', 'one', '1.0.0'), [0] as byte[])
        registry().publish(tenant, aVersion(a, 'a', 'one', '1.1.0'), [0] as byte[])
        registry().publish(tenant, aVersion(UUID.randomUUID(), 'a', 'two', '1.0.0'), [0] as byte[])
        registry().publish(tenant, aVersion(UUID.randomUUID(), 'b', 'three', '2.0.0'), [0] as byte[])

        when:
        def first = registry().services(tenant, 0, 2)
        def second = registry().services(tenant, 1, 2)

        then:
        first.total() == 3
        first.services()*.path()*.toString() == ['a/one', 'a/two']
        first.services()[0].latestVersion() == '1.1.0'
        first.services()[0].versionCount() == 2
        second.services()*.path()*.toString() == ['b/three']
    }
}
