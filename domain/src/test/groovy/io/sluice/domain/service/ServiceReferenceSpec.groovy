package io.sluice.domain.service

import spock.lang.Specification

class ServiceReferenceSpec extends Specification {

    def 'every URI form of the Batch API resolves to folder, name and versions: #text'() {
        when:
        def reference = ServiceReference.parse(text)

        then:
        reference instanceof ServiceReference.ByPath
        with(reference as ServiceReference.ByPath) {
            path() == new ServicePath('stocks', 'NVDA')
            versions().toString() == pattern
            versions().isExact() == exact
        }

        where:
        text                                | pattern | exact
        'stocks/NVDA'                       | ''      | false
        'stocks/NVDA[1.4.3]'                | '1.4.3' | true
        'stocks/NVDA[1.4]'                  | '1.4'   | false
        'stocks/NVDA[1]'                    | '1'     | false
        '/folders/stocks/services/NVDA'     | ''      | false
        'folders/stocks/services/NVDA[1.4]' | '1.4'   | false
        '/stocks/NVDA'                      | ''      | false
    }

    def 'a UUID names a service or a version'() {
        expect:
        ServiceReference.parse('a5e3f03a-57ca-4889-adae-0630be54bd87') ==
                new ServiceReference.ById(UUID.fromString('a5e3f03a-57ca-4889-adae-0630be54bd87'))
    }

    def 'text that is no reference is refused: #text'() {
        when:
        ServiceReference.parse(text)

        then:
        thrown(IllegalArgumentException)

        where:
        text << [null, ' ', 'NVDA', 'a/b/c', 'stocks/NVDA[1.x]', 'stocks/NVDA[]', 'stocks/NV.DA', 'stocks/[1]']
    }

    def 'a version pattern matches the versions it names'() {
        expect:
        VersionPattern.parse(pattern).matches(SemanticVersion.parse(version)) == matches

        where:
        pattern | version  | matches
        '1'     | '1.9.9'  | true
        '1'     | '2.0.0'  | false
        '1.4'   | '1.4.10' | true
        '1.4'   | '1.5.0'  | false
        '1.4.3' | '1.4.3'  | true
        '1.4.3' | '1.4.4'  | false
    }

    def 'any version matches the empty pattern, and exactly() names one version'() {
        expect:
        VersionPattern.any().matches(SemanticVersion.parse('7.8.9'))
        VersionPattern.exactly(SemanticVersion.parse('1.2.3')).isExact()
        VersionPattern.exactly(SemanticVersion.parse('1.2.3')).toString() == '1.2.3'
    }

    def 'a version pattern names its parts from the left'() {
        when:
        new VersionPattern(null, 1, null)

        then:
        thrown(IllegalArgumentException)
    }

    def 'a service path prints as folder/name and its uri carries the version'() {
        expect:
        new ServicePath('samples', 'SalesExample').uri(SemanticVersion.FIRST) == 'samples/SalesExample[1.0.0]'
    }

    def 'a folder or name with illegal characters is refused: #folder/#name'() {
        when:
        new ServicePath(folder, name)

        then:
        thrown(RuntimeException)

        where:
        folder  | name
        null    | 'x'
        'a/b'   | 'x'
        'a'     | 'x.y'
        'a'     | 'x '
        ''      | 'x'
    }
}
