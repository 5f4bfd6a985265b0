package io.sluice.adapters.excel.compiled

import org.apache.poi.ss.usermodel.Cell
import org.apache.poi.ss.usermodel.Name
import org.apache.poi.ss.usermodel.Row
import org.apache.poi.ss.usermodel.Sheet
import org.apache.poi.ss.usermodel.Workbook
import org.apache.poi.ss.util.CellReference
import org.apache.poi.xssf.usermodel.XSSFWorkbook

/**
 * Workbooks built in code for the compiler specs: inputs and outputs are defined names
 * {@code Xinput_*} / {@code Xoutput_*}, resolved to cells by {@link #cells}.
 */
class TestWorkbooks {

    /** The sales example: total = ROUND(price * quantity * (1 + tax), 2), tax defaulting to 0.1. */
    static Workbook sales() {
        Workbook wb = new XSSFWorkbook()
        Sheet s = wb.createSheet('Sales')
        label(s, 0, 'price', 12.5d)
        label(s, 1, 'quantity', 3d)
        label(s, 2, 'tax', 0.1d)
        formula(s, 3, 'total', 'ROUND(B1*B2*(1+B3),2)')
        ['price', 'quantity', 'tax'].eachWithIndex { n, i -> name(wb, "Xinput_$n", "Sales!\$B\$${i + 1}") }
        name(wb, 'Xoutput_total', 'Sales!$B$4')
        wb
    }

    /**
     * An order-pricing workbook: a rate table on its own sheet looked up by product code,
     * tiered discounts with IF, dates, text, a division that fails on zero quantity, and one
     * function of each family the compiler handles natively or hands to POI.
     */
    static Workbook orders() {
        Workbook wb = new XSSFWorkbook()
        Sheet rates = wb.createSheet('Rates')
        [['code', 'rate', 'label'], ['A1', 0.05d, 'Apples'], ['B2', 0.2d, 'Bread'], ['C3', 0.125d, 'Cheese'],
         ['D4', 0d, 'Dates'], ['E5', 0.07d, 'Eggs']].eachWithIndex { List row, int r ->
            Row x = rates.createRow(r)
            row.eachWithIndex { v, c -> v instanceof String ? x.createCell(c).setCellValue((String) v) : x.createCell(c).setCellValue((double) v) }
        }
        name(wb, 'RateTable', 'Rates!$A$2:$C$6')
        Sheet s = wb.createSheet('Order')
        def inputs = [product: 'B2', quantity: 10d, price: 19.99d, date: 45000d, customer: 'Acme Ltd', rush: false]
        int r = 0
        inputs.each { n, v -> value(s, r++, n, v) }
        def outputs = [
                rate        : 'VLOOKUP(B1,RateTable,2,FALSE)',
                label       : 'VLOOKUP(B1,RateTable,3,FALSE)',
                subtotal    : 'B2*B3',
                discount    : 'IF(B2>=100,0.1,IF(B2>=10,0.05,0))',
                net         : 'ROUND(B9*(1-B10)*(1+B7),2)',
                unit        : 'B11/B2',
                safe_unit   : 'IFERROR(B12,-1)',
                year        : 'YEAR(B4)',
                due         : 'DATE(YEAR(B4),MONTH(B4)+1,DAY(B4))',
                code        : 'UPPER(LEFT(B5,3))&"-"&TEXT(B11,"0.00")',
                big         : 'AND(B11>1000,NOT(ISBLANK(B5)))',
                rush_fee    : 'IF(B6,ROUNDUP(B11*5%,1),ROUNDDOWN(-B11/3,1))',
                stats       : 'SUM(B9:B11)+AVERAGE(B9,B11)-MAX(B9,B11)+MIN(B2,B3)',
                misc        : 'ABS(-B3)+INT(B3)+MOD(B2,7)+B2^2',
                position    : 'INDEX(Rates!$C$2:$C$6,MATCH(B1,Rates!$A$2:$A$6,0))',
                checks      : 'CONCATENATE(ISNUMBER(B2),ISERROR(B12),LEN(B5),RIGHT(B5,2))',
                compare     : 'IF(B5>"M",B5&" late",B5=B1)',
                tax_included: 'OR(B7>0.1,B2<0)*B3',
                by_number   : 'VLOOKUP(B2,Rates!$B$2:$C$6,2,0)',
                by_wildcard : 'VLOOKUP(B5,Rates!$C$2:$C$6,1,FALSE)',
                dates       : 'DATE(B2,B3,B4)+YEAR(B2)+MONTH(B3)+DAY(B4)',
                later       : 'EDATE(B4,B2)',
        ]
        outputs.each { n, f -> formula(s, r++, n, f) }
        inputs.eachWithIndex { n, v, i -> name(wb, "Xinput_$n", "Order!\$B\$${i + 1}") }
        outputs.eachWithIndex { n, v, i -> name(wb, "Xoutput_$n", "Order!\$B\$${inputs.size() + i + 1}") }
        wb
    }

    /** YEARFRAC in every basis, PROPER, LOWER, UPPER, chains of &, comparisons and SUM over references, on dates and text of any kind. */
    static Workbook datesAndText() {
        Workbook wb = new XSSFWorkbook()
        Sheet s = wb.createSheet('Dates')
        def inputs = [start: 33000d, end: 45000d, basis: 1d, name: 'ada lovelace', product: 'BASIC']
        int r = 0
        inputs.each { n, v -> value(s, r++, n, v) }
        def outputs = [
                fraction     : 'YEARFRAC(B1,B2)',
                by_basis     : 'YEARFRAC(B1,B2,B3)',
                age          : 'INT(YEARFRAC(B2,B1,1))',
                european     : 'YEARFRAC(B1,B2,4)',
                actual       : 'YEARFRAC(B1,B1+B3*400,1)',
                proper       : 'PROPER(B4)',
                lower        : 'LOWER(B4)',
                upper        : 'UPPER(B5)',
                greeting     : '"Dear "&PROPER(B4)&", your "&LOWER(B5)&" quote"',
                nested       : 'UPPER(PROPER(B5)&B3)',
                joined       : 'B5&(1/B3)&B4&SQRT(B3-2)&B3&TRUE',
                same         : 'B4=B5',
                after        : 'IF(B4>B1,"later",B4<B3)',
                sums         : 'SUM(B1:B3,B7)+SUM(B4)',
                whole        : 'INT(B1)+INT(B3)',
        ]
        outputs.each { n, f -> formula(s, r++, n, f) }
        inputs.eachWithIndex { n, v, i -> name(wb, "Xinput_$n", "Dates!\$B\$${i + 1}") }
        outputs.eachWithIndex { n, v, i -> name(wb, "Xoutput_$n", "Dates!\$B\$${inputs.size() + i + 1}") }
        wb
    }

    /** The cells of the names with the given prefix, in workbook name order. */
    static List<CellReference> cells(Workbook wb, String prefix) {
        wb.allNames.findAll { it.nameName.toLowerCase().startsWith(prefix.toLowerCase()) }
                .collect { new CellReference(it.refersToFormula) }
    }

    static Workbook single(String expression, Map<String, Object> inputs) {
        Workbook wb = new XSSFWorkbook()
        Sheet s = wb.createSheet('S')
        int r = 0
        inputs.each { n, v -> value(s, r++, n, v) }
        formula(s, r, 'out', expression)
        inputs.eachWithIndex { n, v, i -> name(wb, "Xinput_$n", "S!\$B\$${i + 1}") }
        name(wb, 'Xoutput_out', "S!\$B\$${r + 1}")
        wb
    }

    private static void label(Sheet s, int r, String n, double v) {
        value(s, r, n, v)
    }

    private static void value(Sheet s, int r, String n, Object v) {
        Row row = s.getRow(r) ?: s.createRow(r)
        row.createCell(0).setCellValue(n)
        Cell c = row.createCell(1)
        if (v instanceof String) c.setCellValue((String) v)
        else if (v instanceof Boolean) c.setCellValue((boolean) v)
        else if (v != null) c.setCellValue((double) v)
    }

    private static void formula(Sheet s, int r, String n, String f) {
        Row row = s.getRow(r) ?: s.createRow(r)
        row.createCell(0).setCellValue(n)
        row.createCell(1).setCellFormula(f)
    }

    private static void name(Workbook wb, String n, String ref) {
        Name name = wb.createName()
        name.nameName = n
        name.refersToFormula = ref
    }
}
