package io.sluice.adapters.excel

import io.sluice.application.port.InvalidWorkbookException
import org.apache.poi.xssf.usermodel.XSSFWorkbook
import spock.lang.Specification

class WorkbookInspectionSpec extends Specification {

    def engine = new PoiCalculationEngine(PoiCalculationEngine.Limits.defaults())

    List<String> problemsOf(byte[] workbook) {
        try {
            engine.inspect(workbook)
            return []
        } catch (InvalidWorkbookException e) {
            return e.problems().collect { it.toString() }
        }
    }

    def 'both samples pass inspection'() {
        expect:
        problemsOf(SampleWorkbooks.salesExample()).isEmpty()
        problemsOf(SampleWorkbooks.insuranceQuote()).isEmpty()
    }

    def 'a file that is not an xlsx workbook is refused'() {
        expect:
        problemsOf('hello'.bytes).size() == 1
        problemsOf('hello'.bytes)[0].startsWith('workbook: the file is not an Excel .xlsx workbook')
    }

    def 'a workbook without inputs or outputs is refused'() {
        given:
        def bytes = new WorkbookBuilder().sheet('S').set('A1', 1).set('B1', '=A1*2').bytes()

        expect:
        problemsOf(bytes) == ['workbook: no input: define at least one name Xinput_<name> on a cell',
                              'workbook: no output: define at least one name Xoutput_<name> on a cell']
    }

    def 'a name holding a dot is refused'() {
        given:
        def bytes = new WorkbookBuilder().sheet('S').set('A1', 1).set('B1', '=A1*2')
                .name('Xinput_a.b', 'S!$A$1').name('Xinput_a', 'S!$A$1').name('Xoutput_b', 'S!$B$1').bytes()

        expect:
        problemsOf(bytes) == ["Xinput_a.b: the name after the prefix must be non-empty and hold no '.'"]
    }

    def 'functions the engine cannot evaluate are listed with the first cell calling them'() {
        given:
        def builder = new WorkbookBuilder().sheet('S').set('A1', 1).set('B1', '=A1*2')
                .name('Xinput_a', 'S!$A$1').name('Xoutput_b', 'S!$B$1')
        builder.set('C1', '=CUBEMEMBER("x","y")').set('C2', '=INFO("system")').set('C3', '=CUBEMEMBER("x","z")')

        when:
        def problems = problemsOf(builder.bytes(false))

        then:
        problems.size() == 1
        problems[0].startsWith('workbook: functions the engine cannot evaluate: ')
        problems[0].contains('CUBEMEMBER (first in S!C1)')
        problems[0].contains('INFO (first in S!C2)')
    }

    def 'a workbook linking another workbook is refused'() {
        given:
        def builder = new WorkbookBuilder().sheet('S').set('A1', 1).set('B1', '=A1*2')
                .name('Xinput_a', 'S!$A$1').name('Xoutput_b', 'S!$B$1')
        def other = new XSSFWorkbook()
        other.createSheet('Rates').createRow(0).createCell(0).setCellValue(3)
        builder.workbook().linkExternalWorkbook('rates.xlsx', other)

        expect:
        problemsOf(builder.bytes(false)) == ['workbook: links to other workbooks, which a service cannot reach: rates.xlsx']
    }

    def 'a formula that cannot be read is refused naming its cell'() {
        given:
        def builder = new WorkbookBuilder().sheet('S').set('A1', 1).set('B1', '=A1*2').set('C4', '=A1+1')
                .name('Xinput_a', 'S!$A$1').name('Xoutput_b', 'S!$B$1')
        builder.workbook().getSheet('S').getRow(3).getCell(2).getCTCell().getF().setStringValue('SUM((A1')

        when:
        def problems = problemsOf(builder.bytes(false))

        then:
        problems.size() == 1
        problems[0].startsWith('S!C4: the formula cannot be read')
    }

    def 'an input cell holding a formula is refused'() {
        given:
        def bytes = new WorkbookBuilder().sheet('S').set('A1', '=1+1').set('B1', '=A1*2')
                .name('Xinput_a', 'S!$A$1').name('Xoutput_b', 'S!$B$1').bytes()

        expect:
        problemsOf(bytes) == ['S!A1: input Xinput_a holds a formula; an input cell holds a value (its default)']
    }

    def 'the self-check reports every cell whose value differs from what Excel cached'() {
        given:
        def tampered = new WorkbookBuilder().sheet('S').set('A1', 2).set('B1', '=A1*2').set('B2', '=B1&"x"')
                .name('Xinput_a', 'S!$A$1').name('Xoutput_b', 'S!$B$1')
        org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator.evaluateAllFormulaCells(tampered.workbook())
        tampered.workbook().getSheet('S').getRow(0).getCell(1).setCellValue(5d)
        tampered.workbook().getSheet('S').getRow(1).getCell(1).setCellValue('4y')

        expect:
        problemsOf(tampered.bytes(false)) == ['S!B1: Excel saved 5 but Sluice calculates 4',
                                              'S!B2: Excel saved 4y but Sluice calculates 4x']
    }

    def 'cells that depend on TODAY or RAND are not compared with Excel, the others still are'() {
        given:
        def builder = new WorkbookBuilder().sheet('S').set('A1', 1990)
                .set('B1', '=YEAR(TODAY())-A1').set('C1', '=IF(B1>30,"old","young")').set('D1', '=SUM(B1:B2)')
                .set('E1', '=A1*2')
                .name('Xinput_year', 'S!$A$1').name('Xoutput_category', 'S!$C$1')
        org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator.evaluateAllFormulaCells(builder.workbook())
        def row = builder.workbook().getSheet('S').getRow(0)
        row.getCell(1).setCellValue(999d)
        row.getCell(2).setCellValue('as cached on another day')
        row.getCell(3).setCellValue(999d)
        row.getCell(4).setCellValue(1d)

        expect:
        problemsOf(builder.bytes(false)) == ['S!E1: Excel saved 1 but Sluice calculates 3980']
    }
}
