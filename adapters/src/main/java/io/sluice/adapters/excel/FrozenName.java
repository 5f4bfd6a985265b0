package io.sluice.adapters.excel;

import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.Ptg;

/** A defined name of a frozen workbook, its definition kept as parsed tokens. */
record FrozenName(int index, String text, int sheetIndex, boolean functionName, Ptg[] definition)
        implements EvaluationName {

    @Override
    public String getNameText() {
        return text;
    }

    @Override
    public boolean isFunctionName() {
        return functionName;
    }

    @Override
    public boolean hasFormula() {
        return definition != null;
    }

    @Override
    public Ptg[] getNameDefinition() {
        if (definition == null) {
            throw new IllegalStateException("name " + text + " has no usable definition");
        }
        return definition;
    }

    @Override
    public boolean isRange() {
        return hasFormula();
    }

    @Override
    public NamePtg createPtg() {
        return new NamePtg(index);
    }
}
