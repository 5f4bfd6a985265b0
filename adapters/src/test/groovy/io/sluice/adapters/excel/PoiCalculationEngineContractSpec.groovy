package io.sluice.adapters.excel

import io.sluice.application.port.CalculationEngine
import io.sluice.application.service.CalculationEngineContract

class PoiCalculationEngineContractSpec extends CalculationEngineContract {

    PoiCalculationEngine engine = new PoiCalculationEngine(PoiCalculationEngine.Limits.defaults())

    @Override
    CalculationEngine engine() {
        engine
    }

    @Override
    byte[] sumWorkbook() {
        new WorkbookBuilder().sheet('S').set('A1', 1).set('A2', 1).set('B1', '=A1+A2').set('B2', '=A1/A2')
                .name('Xinput_a', 'S!$A$1').name('Xinput_b', 'S!$A$2')
                .name('Xoutput_total', 'S!$B$1').name('Xoutput_ratio', 'S!$B$2').bytes()
    }
}
