package io.sluice.application.service

import io.sluice.application.port.CalculationEngine
import io.sluice.application.port.CalculationKey
import io.sluice.application.port.InvalidWorkbookException
import io.sluice.application.port.PreparedCalculation
import io.sluice.application.port.RecordEvaluator
import io.sluice.domain.record.RecordError
import io.sluice.domain.record.RecordOutcome
import io.sluice.domain.record.Warning
import io.sluice.domain.service.FieldType
import io.sluice.domain.service.SchemaField
import io.sluice.domain.service.ServiceSchema

import java.util.concurrent.ThreadFactory
import java.util.function.Supplier

/**
 * An engine for use case specs. A "workbook" is text: {@code sum:a,b} is a service with inputs
 * a and b (default 1 each) and outputs {@code total = a + b} and {@code ratio = a / b} (an error
 * when b is 0); {@code invalid} fails inspection.
 */
class FakeCalculationEngine implements CalculationEngine {

    final Map<CalculationKey, PreparedCalculation> prepared = [:]
    int preparations = 0

    static byte[] sumWorkbook(String... inputs) {
        "sum:${inputs.join(',')}".toString().bytes
    }

    @Override
    String compilerVersion() {
        'Fake_v1'
    }

    @Override
    ServiceSchema inspect(byte[] workbook) {
        String text = new String(workbook)
        if (!text.startsWith('sum:')) {
            throw new InvalidWorkbookException('workbook', "not a fake workbook: $text")
        }
        def inputs = text.substring(4).split(',').collect { SchemaField.cell(it, 'S', 'A1', FieldType.NUMBER, 1L) }
        new ServiceSchema(inputs, [SchemaField.cell('total', 'S', 'B1', FieldType.NUMBER, null),
                                   SchemaField.cell('ratio', 'S', 'B2', FieldType.NUMBER, null)])
    }

    @Override
    synchronized PreparedCalculation prepare(CalculationKey key, Supplier<byte[]> workbook) {
        prepared.computeIfAbsent(key) {
            preparations++
            def schema = inspect(workbook.get())
            new FakePrepared(key, schema)
        }
    }

    @Override
    ThreadFactory workerThreadFactory(String namePrefix) {
        return { Runnable r -> def t = new Thread(r, namePrefix); t.daemon = true; t } as ThreadFactory
    }

    static class FakePrepared implements PreparedCalculation {
        final CalculationKey key
        final ServiceSchema schema

        FakePrepared(CalculationKey key, ServiceSchema schema) {
            this.key = key
            this.schema = schema
        }

        CalculationKey key() { key }

        ServiceSchema schema() { schema }

        long estimatedBytes() { 1 }

        RecordEvaluator newEvaluator() {
            return { Map<String, Object> record, Collection<String> outputs ->
                def warnings = []
                def values = schema.inputNames().collectEntries { name ->
                    if (!record.containsKey(name)) {
                        warnings << new Warning("Xinput_$name", "Input $name was not supplied; its default 1 was used")
                    }
                    [(name): record.containsKey(name) ? record[name] as BigDecimal : 1G]
                }
                def all = values.values()
                def errors = []
                def out = [:]
                if (outputs.contains('total')) {
                    out.total = all.sum()
                }
                if (outputs.contains('ratio')) {
                    def divisor = all.drop(1).inject(1G) { a, b -> a * b }
                    out.ratio = divisor == 0 ? '#DIV/0!' : all[0] / divisor
                    if (divisor == 0) {
                        errors << RecordError.calculation('Xoutput_ratio', '#DIV/0!')
                    }
                }
                new RecordOutcome(out, warnings, errors, 1000)
            } as RecordEvaluator
        }
    }
}
