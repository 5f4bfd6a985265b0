package io.sluice.domain.service

import spock.lang.Specification

class SemanticVersionSpec extends Specification {

    def 'a version parses from major.minor.patch and prints back the same'() {
        expect:
        SemanticVersion.parse(' 1.10.3 ') == new SemanticVersion(1, 10, 3)
        SemanticVersion.parse('1.10.3').toString() == '1.10.3'
    }

    def 'text that is not three plain numbers is refused: #text'() {
        when:
        SemanticVersion.parse(text)

        then:
        thrown(IllegalArgumentException)

        where:
        text << [null, '', '1', '1.2', '1.2.3.4', '01.2.3', 'a.b.c', '1.2.-3']
    }

    def 'negative parts are refused'() {
        when:
        new SemanticVersion(1, -1, 0)

        then:
        thrown(IllegalArgumentException)
    }

    def 'versions order numerically, not as text'() {
        expect:
        SemanticVersion.parse(older) < SemanticVersion.parse(newer)

        where:
        older   | newer
        '1.9.3' | '1.10.0'
        '1.2.3' | '1.2.10'
        '1.9.9' | '2.0.0'
    }

    def 'a #bump release follows #from with #next'() {
        expect:
        SemanticVersion.parse(from).next(bump) == SemanticVersion.parse(next)

        where:
        from    | bump              | next
        '1.4.3' | VersionBump.MAJOR | '2.0.0'
        '1.4.3' | VersionBump.MINOR | '1.5.0'
        '1.4.3' | VersionBump.PATCH | '1.4.4'
    }

    def 'versioning names a bump ignoring case and defaults to minor'() {
        expect:
        VersionBump.parse('Major') == VersionBump.MAJOR
        VersionBump.parse(' patch ') == VersionBump.PATCH
        VersionBump.parse(null) == VersionBump.MINOR
        VersionBump.parse('') == VersionBump.MINOR
    }

    def 'an unknown versioning is refused'() {
        when:
        VersionBump.parse('huge')

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('major, minor or patch')
    }
}
