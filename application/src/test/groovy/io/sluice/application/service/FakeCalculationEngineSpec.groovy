package io.sluice.application.service

import io.sluice.application.port.CalculationEngine

class FakeCalculationEngineSpec extends CalculationEngineContract {

    FakeCalculationEngine engine = new FakeCalculationEngine()

    @Override
    CalculationEngine engine() {
        engine
    }

    @Override
    byte[] sumWorkbook() {
        FakeCalculationEngine.sumWorkbook('a', 'b')
    }
}
