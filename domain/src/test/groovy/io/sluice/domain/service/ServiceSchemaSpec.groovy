package io.sluice.domain.service

import spock.lang.Specification

class ServiceSchemaSpec extends Specification {

    def 'a schema lists names in order and finds fields by name'() {
        given:
        def schema = new ServiceSchema(
                [SchemaField.cell('price', 'S', 'B1', FieldType.NUMBER, 10), SchemaField.cell('tax', 'S', 'B2', FieldType.NUMBER, 0.1)],
                [new SchemaField('rows', 'S', 'D1:E3', FieldType.TABLE, null, ['a', 'b'])])

        expect:
        schema.inputNames() == ['price', 'tax']
        schema.outputNames() == ['rows']
        schema.input('tax').get().defaultValue() == 0.1
        schema.output('rows').get().columns() == ['a', 'b']
        schema.input('nope').isEmpty()
        schema.output('nope').isEmpty()
    }

    def 'two inputs with the same name, ignoring case, are refused'() {
        when:
        new ServiceSchema([SchemaField.cell('Price', 'S', 'B1', FieldType.NUMBER, 1), SchemaField.cell('price', 'S', 'B2', FieldType.NUMBER, 1)], [])

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'two inputs are named price'
    }

    def 'a field name holding a dot, or a table without columns, is refused'() {
        when:
        new SchemaField(name, 'S', 'A1', type, null, [])

        then:
        thrown(IllegalArgumentException)

        where:
        name  | type
        'a.b' | FieldType.NUMBER
        ' '   | FieldType.TEXT
        't'   | FieldType.TABLE
    }

    def 'field types have lower-case API names'() {
        expect:
        FieldType.DATE.apiName() == 'date'
        FieldType.fromApiName('table') == FieldType.TABLE
    }
}
