package io.sluice.domain.record

import spock.lang.Specification

class RecordTableSpec extends Specification {

    static final List<List<Object>> SALES = [['sale_id', 'price', 'quantity'], [1, 20, 65], [2, 74, 73]]

    def 'a table is a header row naming the columns and one row per record'() {
        when:
        def table = RecordTable.of(SALES)

        then:
        table.header() == ['sale_id', 'price', 'quantity']
        table.recordCount() == 2
        table.columnIndex('price') == 1
        table.columnIndex('tax') == -1
        table.value(1, 2) == 73
    }

    def 'a header row alone is a table without records'() {
        expect:
        RecordTable.of([['price']]).recordCount() == 0
    }

    def 'a malformed table is refused saying what and where: #why'() {
        when:
        RecordTable.of(inputs)

        then:
        def e = thrown(InvalidRecordTableException)
        e.message == message
        e.row() == row

        where:
        why               | inputs                                    | row | message
        'no inputs'       | null                                      | 0   | 'data.inputs needs a header row naming the columns'
        'no rows'         | []                                        | 0   | 'data.inputs needs a header row naming the columns'
        'empty header'    | [[]]                                      | 0   | 'the header row data.inputs[0] is empty'
        'blank column'    | [['price', ' ']]                          | 0   | 'column 1 of the header row data.inputs[0] is not a name:  '
        'number column'   | [['price', 7]]                            | 0   | 'column 1 of the header row data.inputs[0] is not a name: 7'
        'duplicate'       | [['price', 'qty', 'price']]               | 0   | "column 'price' appears twice in the header row data.inputs[0], at 0 and 2"
        'ragged row'      | [['price', 'qty'], [1, 2], [3]]           | 2   | 'data.inputs[2] has 1 values but the header row has 2 columns'
        'long row'        | [['price'], [1, 2]]                       | 1   | 'data.inputs[1] has 2 values but the header row has 1 columns'
        'null row'        | [['price'], null]                         | 1   | 'data.inputs[1] is not a row of values'
    }

    def 'a column the batch relies on must be there'() {
        given:
        def table = RecordTable.of(SALES)

        expect:
        table.requireColumn('sale_id', 'unique_record_key') == 0

        when:
        table.requireColumn('sales_id', 'unique_record_key')

        then:
        def e = thrown(InvalidRecordTableException)
        e.message == "unique_record_key 'sales_id' is not a column of data.inputs [sale_id, price, quantity]"
    }
}
