package io.sluice.adapters.excel;

import io.sluice.application.port.CalculationKey;
import io.sluice.application.port.PreparedCalculation;
import io.sluice.application.port.RecordEvaluator;
import io.sluice.domain.service.ServiceSchema;

/** A version read and frozen once; every evaluator it hands out forks the same master. */
final class PoiPreparedCalculation implements PreparedCalculation {

    private final CalculationKey key;
    private final WorkbookModel model;
    private final long estimatedBytes;

    PoiPreparedCalculation(CalculationKey key, WorkbookModel model, long workbookBytes) {
        this.key = key;
        this.model = model;
        this.estimatedBytes = model.master.estimatedBytes() + workbookBytes;
    }

    @Override
    public CalculationKey key() {
        return key;
    }

    @Override
    public ServiceSchema schema() {
        return model.schema;
    }

    @Override
    public long estimatedBytes() {
        return estimatedBytes;
    }

    @Override
    public RecordEvaluator newEvaluator() {
        return new PoiRecordEvaluator(model);
    }
}
