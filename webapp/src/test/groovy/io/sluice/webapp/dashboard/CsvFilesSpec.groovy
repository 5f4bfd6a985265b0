package io.sluice.webapp.dashboard

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

class CsvFilesSpec extends Specification {

    @TempDir
    Path dir

    Path file(String text) {
        Files.writeString(dir.resolve('in.csv'), text)
    }

    def 'a field becomes #expected'() {
        expect:
        CsvFiles.cell(text) == expected

        where:
        text      || expected
        ''        || null
        '42'      || 42L
        '-7'      || -7L
        '2.5'     || 2.5d
        '1e3'     || 1000d
        '007'     || '007'
        'S-1'     || 'S-1'
        'true'    || 'true'
    }

    def 'a computed value is written as people expect: #value'() {
        expect:
        CsvFiles.text(value) == expected

        where:
        value || expected
        null  || ''
        1430d || '1430'
        2.75d || '2.75'
        12L   || '12'
        'x'   || 'x'
        [[year: 1L, payment: 4599.96d, note: 'a "b"', paid: true, left: null], [year: 2L, payment: 100d]] ||
                '[{"year":1,"payment":4599.96,"note":"a \\"b\\"","paid":true,"left":null},{"year":2,"payment":100}]'
    }

    def 'checking a file counts its rows and keeps its header, quoted fields and a BOM included'() {
        when:
        def shape = CsvFiles.check(file('\uFEFFid,"name, full"\n1,"Ann ""A"""\n2,Bob\n'))

        then:
        shape.columns() == ['id', 'name, full']
        shape.rows() == 2
    }

    def 'a file that cannot run is refused naming why: #why'() {
        when:
        CsvFiles.check(file(text))

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(why)

        where:
        text              || why
        ''                || 'the file is empty'
        'a,b\n'           || 'no rows'
        'a,b\n1,2\n3\n'   || 'line 3 has 1 fields'
        'a,a\n1,2\n'      || "names the column 'a' twice"
        'a,\n1,2\n'       || 'blank column name'
    }
}
