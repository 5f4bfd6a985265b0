package io.sluice.adapters.excel;

import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Pxg;
import org.apache.poi.ss.formula.ptg.RefPtgBase;
import org.apache.poi.ss.usermodel.CellType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The formula cells whose value depends on when or how often they are calculated: those calling
 * {@code NOW}, {@code TODAY}, {@code RAND}, {@code RANDBETWEEN} or {@code RANDARRAY}, and every
 * formula that refers to one of them, directly, through a range or through a defined name. Excel's
 * cached values of these cells cannot be reproduced later, so the self-check does not compare them.
 */
final class VolatileCells {

    private static final Set<String> VOLATILE = Set.of("NOW", "TODAY", "RAND", "RANDBETWEEN", "RANDARRAY");
    private static final int MAX_ROUNDS = 200;

    private VolatileCells() {
    }

    static Set<FrozenCell> of(FrozenWorkbook master) {
        Set<FrozenCell> found = Collections.newSetFromMap(new IdentityHashMap<>());
        List<FrozenCell> formulas = new ArrayList<>();
        for (int s = 0; s < master.sheetCount(); s++) {
            for (FrozenCell cell : master.sheet(s).cells()) {
                if (cell.getCellType() == CellType.FORMULA && cell.formula() != null) {
                    formulas.add(cell);
                }
            }
        }
        boolean changed = true;
        for (int round = 0; changed && round < MAX_ROUNDS; round++) {
            changed = false;
            for (FrozenCell cell : formulas) {
                if (!found.contains(cell) && dependsOn(master, ((FrozenSheet) cell.getSheet()).index(), cell.formula(), found, 0)) {
                    found.add(cell);
                    changed = true;
                }
            }
        }
        return found;
    }

    private static boolean dependsOn(FrozenWorkbook master, int sheet, Ptg[] tokens, Set<FrozenCell> found, int depth) {
        for (Ptg ptg : tokens) {
            if (ptg instanceof AbstractFunctionPtg f && VOLATILE.contains(f.getName())) {
                return true;
            }
            int target = ptg instanceof Pxg pxg && pxg.getSheetName() != null ? master.getSheetIndex(pxg.getSheetName()) : sheet;
            if (target < 0) {
                continue;
            }
            if (ptg instanceof RefPtgBase ref && found.contains(master.sheet(target).cell(ref.getRow(), ref.getColumn()))) {
                return true;
            }
            if (ptg instanceof AreaPtgBase area && found.stream().anyMatch(cell -> inside(cell, target, area))) {
                return true;
            }
            if (ptg instanceof NamePtg name && depth < 10) {
                EvaluationName defined = master.getName(name);
                if (defined.hasFormula() && dependsOn(master, sheet, defined.getNameDefinition(), found, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inside(FrozenCell cell, int sheet, AreaPtgBase area) {
        return ((FrozenSheet) cell.getSheet()).index() == sheet
                && cell.getRowIndex() >= area.getFirstRow() && cell.getRowIndex() <= area.getLastRow()
                && cell.getColumnIndex() >= area.getFirstColumn() && cell.getColumnIndex() <= area.getLastColumn();
    }
}
