package io.sluice.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The workbooks measured: the sales example and a richer order-pricing workbook. */
final class BenchmarkWorkbooks {

    private BenchmarkWorkbooks() {
    }

    /** total = ROUND(price * quantity * (1 + tax), 2). */
    static Workbook sales() {
        Workbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("Sales");
        value(s, 0, 12.5);
        value(s, 1, 3.0);
        value(s, 2, 0.1);
        s.createRow(3).createCell(1).setCellFormula("ROUND(B1*B2*(1+B3),2)");
        name(wb, "Xinput_price", "Sales!$B$1");
        name(wb, "Xinput_quantity", "Sales!$B$2");
        name(wb, "Xinput_tax", "Sales!$B$3");
        name(wb, "Xoutput_total", "Sales!$B$4");
        return wb;
    }

    /** A rate table looked up by product code, tiered discounts, dates, text and a failing division. */
    static Workbook orders() {
        Workbook wb = new XSSFWorkbook();
        Sheet rates = wb.createSheet("Rates");
        Object[][] table = {{"A1", 0.05, "Apples"}, {"B2", 0.2, "Bread"}, {"C3", 0.125, "Cheese"},
            {"D4", 0.0, "Dates"}, {"E5", 0.07, "Eggs"}};
        for (int r = 0; r < table.length; r++) {
            Row row = rates.createRow(r + 1);
            row.createCell(0).setCellValue((String) table[r][0]);
            row.createCell(1).setCellValue((Double) table[r][1]);
            row.createCell(2).setCellValue((String) table[r][2]);
        }
        name(wb, "RateTable", "Rates!$A$2:$C$6");
        Sheet s = wb.createSheet("Order");
        Row product = s.createRow(0);
        product.createCell(1).setCellValue("B2");
        value(s, 1, 10);
        value(s, 2, 19.99);
        value(s, 3, 45000);
        s.createRow(4).createCell(1).setCellValue("Acme Ltd");
        s.createRow(5).createCell(1).setCellValue(false);
        String[] inputs = {"product", "quantity", "price", "date", "customer", "rush"};
        for (int i = 0; i < inputs.length; i++) {
            name(wb, "Xinput_" + inputs[i], "Order!$B$" + (i + 1));
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("rate", "VLOOKUP(B1,RateTable,2,FALSE)");
        outputs.put("label", "VLOOKUP(B1,RateTable,3,FALSE)");
        outputs.put("subtotal", "B2*B3");
        outputs.put("discount", "IF(B2>=100,0.1,IF(B2>=10,0.05,0))");
        outputs.put("net", "ROUND(B9*(1-B10)*(1+B7),2)");
        outputs.put("unit", "B11/B2");
        outputs.put("safe_unit", "IFERROR(B12,-1)");
        outputs.put("year", "YEAR(B4)");
        outputs.put("due", "DATE(YEAR(B4),MONTH(B4)+1,DAY(B4))");
        outputs.put("code", "UPPER(LEFT(B5,3))&\"-\"&TEXT(B11,\"0.00\")");
        outputs.put("big", "AND(B11>1000,NOT(ISBLANK(B5)))");
        outputs.put("rush_fee", "IF(B6,ROUNDUP(B11*5%,1),ROUNDDOWN(-B11/3,1))");
        int r = inputs.length;
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            s.createRow(r).createCell(1).setCellFormula(output.getValue());
            name(wb, "Xoutput_" + output.getKey(), "Order!$B$" + (r + 1));
            r++;
        }
        return wb;
    }

    /** The cells named with the given prefix, in workbook order. */
    static List<CellReference> cells(Workbook wb, String prefix) {
        List<CellReference> cells = new ArrayList<>();
        for (Name name : wb.getAllNames()) {
            if (name.getNameName().toLowerCase().startsWith(prefix.toLowerCase())) {
                cells.add(new CellReference(name.getRefersToFormula()));
            }
        }
        return cells;
    }

    private static void value(Sheet s, int row, double v) {
        s.createRow(row).createCell(1).setCellValue(v);
    }

    private static void name(Workbook wb, String n, String ref) {
        Name name = wb.createName();
        name.setNameName(n);
        name.setRefersToFormula(ref);
    }
}
