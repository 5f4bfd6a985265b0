package io.sluice.adapters.excel;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * Writes .xlsx workbooks from code, with Excel's cached values computed, so that every workbook
 * Sluice ships or tests with is reproducible from source. Text starting with {@code =} is a formula.
 */
final class WorkbookBuilder {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle dateStyle;
    private XSSFSheet sheet;

    WorkbookBuilder() {
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
    }

    WorkbookBuilder sheet(String name) {
        XSSFSheet existing = workbook.getSheet(name);
        sheet = existing == null ? workbook.createSheet(name) : existing;
        return this;
    }

    /** Sets a cell of the current sheet: a Number, Boolean, LocalDate, text, or {@code =formula}. */
    WorkbookBuilder set(String address, Object value) {
        CellReference ref = new CellReference(address);
        XSSFRow row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        XSSFCell cell = row.createCell(ref.getCol());
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(dateStyle);
        } else if (value instanceof CharSequence s && s.toString().startsWith("=")) {
            cell.setCellFormula(s.toString().substring(1));
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
        return this;
    }

    /** Formats a cell of the current sheet as a date (for formulas that produce dates). */
    WorkbookBuilder dateFormat(String address) {
        CellReference ref = new CellReference(address);
        sheet.getRow(ref.getRow()).getCell(ref.getCol()).setCellStyle(dateStyle);
        return this;
    }

    /** Defines a workbook-scoped name, such as {@code Xinput_price} for {@code Sales!$B$1}. */
    WorkbookBuilder name(String name, String refersTo) {
        XSSFName defined = workbook.createName();
        defined.setNameName(name);
        defined.setRefersToFormula(refersTo);
        return this;
    }

    /** The workbook as .xlsx bytes, every formula evaluated so that the file caches its values. */
    byte[] bytes() {
        return bytes(true);
    }

    byte[] bytes(boolean evaluate) {
        if (evaluate) {
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            workbook.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Direct access for workbooks a builder cannot express (tests of odd files). */
    XSSFWorkbook workbook() {
        return workbook;
    }
}
