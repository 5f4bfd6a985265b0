package io.sluice.adapters.pipeline

import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import io.sluice.application.batch.CalculationSource
import io.sluice.application.service.ServiceNotFoundException
import io.sluice.application.port.CalculationKey
import io.sluice.application.port.PreparedCalculation
import io.sluice.application.port.RecordEvaluator
import io.sluice.domain.batch.PinnedServiceVersion
import io.sluice.domain.record.RecordError
import io.sluice.domain.record.RecordOutcome
import io.sluice.domain.service.FieldType
import io.sluice.domain.service.SchemaField
import io.sluice.domain.service.ServiceSchema
import io.sluice.domain.tenant.TenantId
import jakarta.inject.Singleton

import java.math.RoundingMode
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * The sales example of the reference as a test calculation: total = price * quantity * (1 + tax),
 * rounded to 2 places. A price of "boom" makes the evaluator throw (a chunk that fails), a
 * quantity of 0 divides by zero into an Excel error (a record that fails).
 */
@Singleton
@Requires(property = 'sluice.test.sales-source', value = 'true')
@Replaces(CalculationSource)
class SalesCalculationSource implements CalculationSource {

    static final UUID SERVICE = UUID.fromString('ec7932a3-3e60-43d0-bd84-704cd4e94ff7')
    static final UUID VERSION = UUID.fromString('ee6849b3-d7c0-44b4-b554-fe55fc128f8f')
    static final ServiceSchema SCHEMA = new ServiceSchema(
            ['price', 'quantity', 'tax'].collect { SchemaField.cell(it, 'Sheet1', 'B1', FieldType.NUMBER, 0) },
            ['total', 'unit'].collect { SchemaField.cell(it, 'Sheet1', 'C1', FieldType.NUMBER, null) })

    @Override
    PinnedServiceVersion resolve(TenantId tenant, String service) {
        if (service != 'samples/SalesExample') {
            throw new ServiceNotFoundException('service ' + service + ' not found')
        }
        new PinnedServiceVersion(SERVICE, VERSION, 'samples/SalesExample[1.0.0]', 'Test_v1')
    }

    @Override
    PreparedCalculation prepare(TenantId tenant, UUID versionId) {
        new PreparedCalculation() {
            CalculationKey key() { new CalculationKey(tenant, versionId) }

            ServiceSchema schema() { SCHEMA }

            long estimatedBytes() { 1 }

            RecordEvaluator newEvaluator() { new SalesEvaluator() }
        }
    }

    /** A record priced {@code 'hold'} counts this down when its evaluation starts... */
    static volatile CountDownLatch holding = new CountDownLatch(1)
    /** ...and waits for this before it goes on as a price of 1. */
    static volatile CountDownLatch release = new CountDownLatch(1)

    static class SalesEvaluator implements RecordEvaluator {
        @Override
        RecordOutcome evaluate(Map<String, Object> inputs, Collection<String> outputs) {
            if (inputs.price == 'boom') {
                throw new IllegalStateException('the workbook exploded')
            }
            if (inputs.price == 'hold') {
                holding.countDown()
                assert release.await(30, TimeUnit.SECONDS)
                inputs = inputs + [price: 1]
            }
            def price = inputs.price as BigDecimal
            def quantity = inputs.quantity as BigDecimal
            def tax = (inputs.tax ?: 0) as BigDecimal
            def total = (price * quantity * (1 + tax)).setScale(2, RoundingMode.HALF_UP).doubleValue()
            if (quantity == 0) {
                return new RecordOutcome([total: total, unit: '#DIV/0!'], [], [RecordError.calculation('unit', '#DIV/0!')], 1000)
            }
            new RecordOutcome([total: total, unit: (price / quantity).doubleValue()].findAll { it.key in outputs }, [], [], 1000)
        }
    }
}
