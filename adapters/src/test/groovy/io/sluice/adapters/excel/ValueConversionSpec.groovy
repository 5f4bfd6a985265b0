package io.sluice.adapters.excel

import groovy.transform.CompileStatic
import io.sluice.domain.service.FieldType
import org.apache.poi.ss.usermodel.DateUtil
import spock.lang.Specification

import java.time.LocalDate
import java.time.LocalDateTime

/**
 * The shortcuts for ISO dates in record conversion give exactly what POI's date conversion gives,
 * for every day of Excel's calendar, and leave everything else to it.
 */
class ValueConversionSpec extends Specification {

    def 'every yyyy-MM-dd date from 1900 to 9999 converts to the serial POI computes'() {
        expect:
        inputMismatches() == []
    }

    def 'every whole serial converts back to the text POI gives'() {
        expect:
        outputMismatches() == []
    }

    def 'text that is not a plain date is parsed or refused as before: #text'() {
        when:
        def cell = ValueConversion.toCell(text, FieldType.DATE)

        then:
        cell.number() == expected

        where:
        text                  | expected
        '1900-01-01'          | 1d
        '1900-02-28'          | 59d
        '1900-03-01'          | 61d
        ' 2024-02-29 '        | 45351d
        '2024-01-31T12:00'    | 45322.5d
        '2024-01-31T12:00:00Z' | 45322.5d
        '9999-12-31'          | 2958465d
    }

    def 'an impossible or malformed date is refused: #text'() {
        when:
        ValueConversion.toCell(text, FieldType.DATE)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains('expects a date')

        where:
        text << ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-1-010', '2024/01/31', '２０２４-01-31',
                 '+2024-01-3', '2024-01-32', 'abcd-ef-gh', '0000-00-00']
    }

    def 'other numbers are shown as POI shows them: #serial'() {
        expect:
        ValueConversion.date(serial) == expected

        where:
        serial      | expected
        0d          | '1899-12-31'
        60d         | '1900-03-01'
        61d         | '1900-03-01'
        45322.5d    | '2024-01-31T12:00'
        2958465d    | '9999-12-31'
        2958466d    | '+10000-01-01'
        -1d         | -1L
    }

    @CompileStatic
    static List<String> inputMismatches() {
        List<String> wrong = []
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.year <= 9999 && wrong.size() < 5; d = d.plusDays(1)) {
            String text = d.toString()
            double expected = DateUtil.getExcelDate(d)
            double actual = ValueConversion.toCell(text, FieldType.DATE).number()
            if (Double.compare(actual, expected) != 0) {
                wrong << text
            }
        }
        wrong
    }

    @CompileStatic
    static List<Double> outputMismatches() {
        List<Double> wrong = []
        for (int serial = 0; serial <= 2958470 && wrong.size() < 5; serial++) {
            LocalDateTime dateTime = DateUtil.getLocalDateTime((double) serial)
            String expected = dateTime.toLocalTime().toSecondOfDay() == 0 ? dateTime.toLocalDate().toString() : dateTime.toString()
            if (ValueConversion.date((double) serial) != expected) {
                wrong << (double) serial
            }
        }
        wrong
    }
}
