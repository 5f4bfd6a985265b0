package io.sluice.client

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.exc.MismatchedInputException
import io.sluice.client.io.Values
import spock.lang.Specification

class OutputTableSpec extends Specification {

    static ChunkResult read(String outputs) {
        Json.mapper().readValue('{"id":"f7b52961-ad34-40ce-874f-93c67df11d65","outputs":' + outputs + '}', ChunkResult)
    }

    /** What the general tree reader of the client's mapping makes of the same table. */
    static List<List<JsonNode>> asTrees(String outputs) {
        Json.mapper().readTree(outputs).collect { row -> row.collect { it } }
    }

    def 'every kind of cell reads as the general reader reads it, and prints the same in a CSV cell'() {
        given:
        def outputs = '''[["key","total","rate","big","tiny","name","ok","missing","schedule"],
            [7, 12.5, 0.10, 1.5E7, -0.000001, "Ann", true, null, [{"year":1,"payment":100.25}]],
            [-3, 12.50, 0, 123456789012345678901234567890123456789012345, 1e-3, "", false, null, []],
            [9223372036854775807, 0.1, -0.0, 2.5e+2, 12345678901234567.5, "x,y", true, null, {"a":[1,2]}]]'''

        when:
        def table = read(outputs).outputs()
        def expected = asTrees(outputs)

        then:
        table.size() == expected.size()
        [table, expected].transpose().every { List<JsonNode> got, List<JsonNode> want ->
            got.size() == want.size() && [got, want].transpose().every { JsonNode g, JsonNode w ->
                Values.text(g) == Values.text(w) && g.isNumber() == w.isNumber() && g.isTextual() == w.isTextual()
                        && g.isNull() == w.isNull() && g.isContainerNode() == w.isContainerNode()
            }
        }
    }

    def 'a decimal keeps its digits: the CSV cell is the number as the server wrote it, trailing zeros aside'() {
        expect:
        read("[[\"t\"],[$json]]").outputs()[1][0].with { Values.text(it) } == csv

        where:
        json                   || csv
        '12.5'                 || '12.5'
        '12.50'                || '12.5'
        '-0.25'                || '-0.25'
        '100'                  || '100'
        '1.5E7'                || '15000000'
        '0.1000000000000000055511151231257827' || '0.1000000000000000055511151231257827'
    }

    def 'numbers are read from their text as the command line reads its input, not by the general reader'() {
        when:
        def row = read('[["n","d"],[42,12.5]]').outputs()[1]

        then:
        row*.getClass() == [Values.of('42').getClass(), Values.of('12.5').getClass()]
        row[1].getClass() != Json.mapper().readTree('12.5').getClass()
    }

    def 'an empty or missing table reads as no rows'() {
        expect:
        read('[]').outputs() == []
        read('null').outputs() == []
    }

    def 'a table that is not an array of rows is refused, saying what was found'() {
        when:
        read(outputs)

        then:
        def e = thrown(MismatchedInputException)
        e.message.contains(found)

        where:
        outputs         || found
        '{"a":1}'       || 'expected a table'
        '[1, 2]'        || 'expected a row of the table'
        '[["a"], "b"]'  || 'expected a row of the table'
    }
}
