package io.sluice.domain.service

import spock.lang.Specification

import java.time.Instant

class VersionChoiceSpec extends Specification {

    static final Instant NOW = Instant.parse('2026-06-01T00:00:00Z')
    static final UUID SERVICE = UUID.randomUUID()
    static final ServiceSchema SCHEMA = new ServiceSchema([SchemaField.cell('a', 'S', 'A1', FieldType.NUMBER, 1)],
            [SchemaField.cell('b', 'S', 'B1', FieldType.NUMBER, null)])

    static ServiceVersion aVersion(String version, String start = null, String end = null) {
        new ServiceVersion(UUID.randomUUID(), SERVICE, new ServicePath('f', 's'), SemanticVersion.parse(version),
                start ? Instant.parse(start) : null, end ? Instant.parse(end) : null, NOW.minusSeconds(60), 'ada',
                null, 's.xlsx', 10, SCHEMA)
    }

    def versions = [aVersion('1.0.0'), aVersion('1.4.2'), aVersion('1.4.10'), aVersion('1.5.0'), aVersion('2.0.0')]

    def 'the newest version matching #pattern is chosen'() {
        expect:
        VersionChoice.newest(versions, pattern == '' ? VersionPattern.any() : VersionPattern.parse(pattern), NOW)
                .map { it.version().toString() }.orElse(null) == chosen

        where:
        pattern | chosen
        ''      | '2.0.0'
        '1'     | '1.5.0'
        '1.4'   | '1.4.10'
        '1.4.2' | '1.4.2'
        '3'     | null
    }

    def 'a retired version is never chosen'() {
        given:
        def retired = versions.collect { it.version().toString() == '2.0.0' ? it.retire(NOW) : it }

        expect:
        VersionChoice.newest(retired, VersionPattern.any(), NOW).get().version().toString() == '1.5.0'
        VersionChoice.newest(retired, VersionPattern.parse('2.0.0'), NOW).isEmpty()
    }

    def 'versions outside their effective window are passed over, unless named exactly'() {
        given:
        def windowed = [aVersion('1.0.0'), aVersion('1.1.0', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'),
                        aVersion('1.2.0', '2026-07-01T00:00:00Z')]

        expect:
        VersionChoice.newest(windowed, VersionPattern.any(), NOW).get().version().toString() == '1.0.0'
        VersionChoice.newest(windowed, VersionPattern.any(), Instant.parse('2026-02-01T00:00:00Z')).get().version().toString() == '1.1.0'
        VersionChoice.newest(windowed, VersionPattern.any(), Instant.parse('2026-08-01T00:00:00Z')).get().version().toString() == '1.2.0'
        VersionChoice.newest(windowed, VersionPattern.parse('1.2.0'), NOW).get().version().toString() == '1.2.0'
    }

    def 'the next version bumps the newest one, and a first publication is 1.0.0'() {
        expect:
        VersionChoice.nextVersion(versions, VersionBump.MINOR) == SemanticVersion.parse('2.1.0')
        VersionChoice.nextVersion(versions, VersionBump.PATCH) == SemanticVersion.parse('2.0.1')
        VersionChoice.nextVersion([], VersionBump.MAJOR) == SemanticVersion.FIRST
    }

    def 'an effective window must end after it starts'() {
        when:
        aVersion('1.0.0', '2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z')

        then:
        thrown(IllegalArgumentException)
    }

    def 'a version tells its uri and whether it is retired'() {
        given:
        def version = aVersion('1.2.3')

        expect:
        version.uri() == 'f/s[1.2.3]'
        !version.isRetired()
        version.retire(NOW).isRetired()
    }
}
