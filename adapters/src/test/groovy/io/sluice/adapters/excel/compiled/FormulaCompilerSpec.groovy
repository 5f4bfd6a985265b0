package io.sluice.adapters.excel.compiled

import org.apache.poi.ss.formula.eval.ErrorEval
import org.apache.poi.ss.formula.eval.NumberEval
import org.apache.poi.ss.formula.eval.StringEval
import org.apache.poi.ss.usermodel.Workbook
import spock.lang.Specification

class FormulaCompilerSpec extends Specification {

    static CompiledPlan compile(Workbook wb) {
        FormulaCompiler.compile(wb, TestWorkbooks.cells(wb, 'Xinput_'), TestWorkbooks.cells(wb, 'Xoutput_'))
    }

    def 'the sales example computes its rounded total'() {
        given:
        CompiledPlan plan = compile(TestWorkbooks.sales())
        Frame frame = plan.newFrame()

        when:
        frame.setNumber(0, 19.99d)
        frame.setNumber(1, 7d)
        plan.evaluate(frame)

        then:
        frame.outputIsNumber(0)
        frame.outputNumber(0) == 153.92d
    }

    def 'an input left at its saved value uses the workbook default'() {
        given:
        CompiledPlan plan = compile(TestWorkbooks.sales())
        Frame frame = plan.newFrame()
        frame.setNumber(2, 0.5d)

        when:
        frame.resetInput(2)
        frame.setNumber(0, 10d)
        frame.setNumber(1, 1d)
        plan.evaluate(frame)

        then:
        frame.outputNumber(0) == 11d
    }

    def 'cells no input reaches are computed once, not per record'() {
        given:
        Workbook wb = TestWorkbooks.single('B1*(2+3)+LEN("abc")', [x: 1d])

        expect:
        compile(wb).liveFormulaCount() == 1
    }

    def 'an unused formula is not part of the plan'() {
        given:
        Workbook wb = TestWorkbooks.single('B1+1', [x: 1d])
        wb.getSheet('S').createRow(9).createCell(1).setCellFormula('B1*1000')

        expect:
        compile(wb).liveFormulaCount() == 1
    }

    def 'errors propagate with the first operand winning'() {
        given:
        CompiledPlan plan = compile(TestWorkbooks.single('B1/B2+B3', [x: 1d, y: 0d, z: 'text']))
        Frame frame = plan.newFrame()

        when:
        plan.evaluate(frame)

        then:
        frame.output(0) == ErrorEval.DIV_ZERO
    }

    def 'text holding a number takes part in arithmetic'() {
        given:
        CompiledPlan plan = compile(TestWorkbooks.single('B1*2&"!"', [x: ' 3 ']))
        Frame frame = plan.newFrame()

        when:
        plan.evaluate(frame)

        then:
        (frame.output(0) as StringEval).stringValue == '6!'
    }

    def 'a function handed to POI ignores referenced text as POI does'() {
        given:
        CompiledPlan plan = compile(TestWorkbooks.single('SUM(B1:B2)+MAX(B1,B2)', [x: 2d, y: 'text']))
        Frame frame = plan.newFrame()

        when:
        plan.evaluate(frame)

        then:
        (frame.output(0) as NumberEval).numberValue == 4d
    }

    def 'a formula with an add-in function that reads only its arguments is compiled'() {
        given:
        CompiledPlan plan = compile(TestWorkbooks.single('EDATE(B1,1)', [x: 45000d]))
        Frame frame = plan.newFrame()

        when:
        plan.evaluate(frame)

        then:
        frame.outputNumber(0) == 45031d
    }

    def 'a #kind formula leaves the workbook to the POI engine'() {
        when:
        compile(TestWorkbooks.single(formula, [x: 1d]))

        then:
        thrown(NotCompilableException)

        where:
        kind                  | formula
        'volatile'            | 'NOW()+B1'
        'circular'            | 'B2+B1'
        'indirect'            | 'INDIRECT("B1")'
        'implicit intersection' | 'B1+A1:A3'
        'unlisted add-in'     | 'DEC2HEX(B1)'
    }
}
