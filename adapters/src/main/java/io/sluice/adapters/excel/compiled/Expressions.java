package io.sluice.adapters.excel.compiled;

import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.OperationEvaluationContext;
import org.apache.poi.ss.formula.atp.AnalysisToolPak;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.eval.FunctionEval;
import org.apache.poi.ss.formula.eval.NotImplementedException;
import org.apache.poi.ss.formula.eval.RelationalOperationEval;
import org.apache.poi.ss.formula.function.FunctionMetadataRegistry;
import org.apache.poi.ss.formula.functions.FreeRefFunction;
import org.apache.poi.ss.formula.functions.Function;
import org.apache.poi.ss.formula.functions.NotImplementedFunction;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.AddPtg;
import org.apache.poi.ss.formula.ptg.AreaErrPtg;
import org.apache.poi.ss.formula.ptg.AttrPtg;
import org.apache.poi.ss.formula.ptg.BoolPtg;
import org.apache.poi.ss.formula.ptg.ConcatPtg;
import org.apache.poi.ss.formula.ptg.DeletedArea3DPtg;
import org.apache.poi.ss.formula.ptg.DeletedRef3DPtg;
import org.apache.poi.ss.formula.ptg.DividePtg;
import org.apache.poi.ss.formula.ptg.EqualPtg;
import org.apache.poi.ss.formula.ptg.ErrPtg;
import org.apache.poi.ss.formula.ptg.GreaterEqualPtg;
import org.apache.poi.ss.formula.ptg.GreaterThanPtg;
import org.apache.poi.ss.formula.ptg.IntPtg;
import org.apache.poi.ss.formula.ptg.LessEqualPtg;
import org.apache.poi.ss.formula.ptg.LessThanPtg;
import org.apache.poi.ss.formula.ptg.MemAreaPtg;
import org.apache.poi.ss.formula.ptg.MemErrPtg;
import org.apache.poi.ss.formula.ptg.MemFuncPtg;
import org.apache.poi.ss.formula.ptg.MissingArgPtg;
import org.apache.poi.ss.formula.ptg.MultiplyPtg;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPxg;
import org.apache.poi.ss.formula.ptg.NotEqualPtg;
import org.apache.poi.ss.formula.ptg.NumberPtg;
import org.apache.poi.ss.formula.ptg.ParenthesisPtg;
import org.apache.poi.ss.formula.ptg.PercentPtg;
import org.apache.poi.ss.formula.ptg.PowerPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.RefErrorPtg;
import org.apache.poi.ss.formula.ptg.StringPtg;
import org.apache.poi.ss.formula.ptg.SubtractPtg;
import org.apache.poi.ss.formula.ptg.UnaryMinusPtg;
import org.apache.poi.ss.formula.ptg.UnaryPlusPtg;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.util.LocaleUtil;

/**
 * Translates one formula's POI tokens (reverse Polish) into a tree of {@link Node}s. Operators
 * and the functions of {@link Functions} are compiled natively; any other function POI
 * implements becomes a {@link PoiCall}; anything else refuses the workbook.
 */
final class Expressions {

    /** Functions whose result changes without any input changing, or that reach cells by text. */
    private static final Set<String> VOLATILE = Set.of("NOW", "TODAY", "RAND", "RANDBETWEEN", "OFFSET",
            "INDIRECT", "CELL", "INFO");
    /** Functions that may return a reference, which a calling function could treat differently. */
    private static final Set<String> REFERENCE_RESULT = Set.of("INDEX", "CHOOSE", "IF");
    /**
     * Add-in functions whose POI implementation reads nothing but its arguments and the
     * evaluating cell's position, so they run outside POI's workbook evaluator.
     */
    private static final Set<String> ADD_INS = Set.of("EDATE", "EOMONTH", "YEARFRAC", "MROUND", "NETWORKDAYS",
            "WORKDAY");
    private static final int MAX_NAME_DEPTH = 16;

    private final FormulaCompiler compiler;
    private final References references;
    private final EvaluationWorkbook workbook;
    private int nameDepth;

    Expressions(FormulaCompiler compiler, EvaluationWorkbook workbook) {
        this.compiler = compiler;
        this.workbook = workbook;
        this.references = new References(compiler, workbook);
    }

    Node compile(Ptg[] ptgs, int sheet, int row, int column) throws NotCompilableException {
        Deque<Node> stack = new ArrayDeque<>();
        for (Ptg ptg : ptgs) {
            Node node = translate(ptg, stack, sheet, row, column);
            if (node != null) {
                stack.push(node);
            }
        }
        if (stack.size() != 1) {
            throw new NotCompilableException("malformed formula");
        }
        Node root = stack.pop();
        return scalar(root);
    }

    private Node translate(Ptg ptg, Deque<Node> stack, int sheet, int row, int column) throws NotCompilableException {
        if (ptg instanceof AttrPtg) {
            return attribute((AttrPtg) ptg, stack, sheet, row, column);
        }
        if (ptg instanceof ParenthesisPtg || ptg instanceof MemFuncPtg || ptg instanceof MemAreaPtg
                || ptg instanceof MemErrPtg) {
            return null;
        }
        Node constant = constant(ptg);
        if (constant != null) {
            return constant;
        }
        if (ptg instanceof NamePtg) {
            return name((NamePtg) ptg, sheet, row, column);
        }
        if (ptg instanceof NameXPxg) {
            return new FunctionName(compiler.newSlot(), ((NameXPxg) ptg).getNameName());
        }
        if (ptg instanceof AbstractFunctionPtg) {
            AbstractFunctionPtg function = (AbstractFunctionPtg) ptg;
            Node[] args = pop(stack, function.getNumberOfOperands());
            return function(function.getFunctionIndex(), function.getName(), args, sheet, row, column);
        }
        Node operator = operator(ptg, stack, row, column);
        if (operator != null) {
            return operator;
        }
        return references.reference(ptg, sheet);
    }

    private Node attribute(AttrPtg attr, Deque<Node> stack, int sheet, int row, int column)
            throws NotCompilableException {
        if (attr.isSemiVolatile()) {
            throw new NotCompilableException("volatile formula");
        }
        if (attr.isSum()) {
            return function(FunctionMetadataRegistry.FUNCTION_INDEX_SUM, "SUM", pop(stack, 1), sheet, row, column);
        }
        return null;
    }

    private Node constant(Ptg ptg) {
        if (ptg instanceof IntPtg) {
            return number(((IntPtg) ptg).getValue());
        } else if (ptg instanceof NumberPtg) {
            return number(((NumberPtg) ptg).getValue());
        } else if (ptg instanceof StringPtg) {
            int slot = compiler.newSlot();
            compiler.template().setTextSlot(slot, ((StringPtg) ptg).getValue());
            return new Node.Slot(slot, false);
        } else if (ptg instanceof BoolPtg) {
            int slot = compiler.newSlot();
            compiler.template().tag[slot] = Frame.BOOL;
            compiler.template().num[slot] = ((BoolPtg) ptg).getValue() ? 1 : 0;
            return new Node.Slot(slot, false);
        } else if (ptg instanceof ErrPtg) {
            return error(((ErrPtg) ptg).getErrorCode());
        } else if (ptg instanceof RefErrorPtg || ptg instanceof AreaErrPtg || ptg instanceof DeletedRef3DPtg
                || ptg instanceof DeletedArea3DPtg) {
            return error(FormulaError.REF.getCode());
        } else if (ptg instanceof MissingArgPtg) {
            return new PoiCall.Missing(compiler.newSlot());
        }
        return null;
    }

    private Node number(double value) {
        int slot = compiler.newSlot();
        compiler.template().setNumberSlot(slot, value);
        return new Node.Slot(slot, false);
    }

    private Node error(int code) {
        int slot = compiler.newSlot();
        compiler.template().setError(slot, code);
        return new Node.Slot(slot, false);
    }

    private Node name(NamePtg ptg, int sheet, int row, int column) throws NotCompilableException {
        EvaluationName name = workbook.getName(ptg);
        if (name == null || name.isFunctionName() || !name.hasFormula()) {
            throw new NotCompilableException("unsupported defined name");
        }
        if (++nameDepth > MAX_NAME_DEPTH) {
            throw new NotCompilableException("defined names nest too deep: " + name.getNameText());
        }
        try {
            Deque<Node> stack = new ArrayDeque<>();
            for (Ptg definition : name.getNameDefinition()) {
                Node node = translate(definition, stack, sheet, row, column);
                if (node != null) {
                    stack.push(node);
                }
            }
            if (stack.size() != 1) {
                throw new NotCompilableException("malformed name " + name.getNameText());
            }
            return stack.pop();
        } finally {
            nameDepth--;
        }
    }

    private Node operator(Ptg ptg, Deque<Node> stack, int row, int column) throws NotCompilableException {
        if (ptg instanceof UnaryMinusPtg || ptg instanceof PercentPtg) {
            return new Operators.Unary(compiler.newSlot(), ptg instanceof PercentPtg, scalar(stack.pop()));
        } else if (ptg instanceof UnaryPlusPtg) {
            return new Operators.Plus(compiler.newSlot(), scalar(stack.pop()));
        }
        Operators.Arithmetic arithmetic = arithmetic(ptg);
        Function comparison = comparison(ptg);
        if (arithmetic == null && comparison == null && !(ptg instanceof ConcatPtg)) {
            return null;
        }
        Node right = scalar(stack.pop());
        Node left = scalar(stack.pop());
        if (arithmetic != null) {
            return new Operators.Binary(compiler.newSlot(), arithmetic, left, right);
        } else if (comparison != null) {
            return new Operators.Compare(compiler.newSlot(), comparison, row, column, left, right);
        }
        return Operators.Concat.of(compiler.newSlot(), left, right);
    }

    private static Operators.Arithmetic arithmetic(Ptg ptg) {
        if (ptg instanceof AddPtg) {
            return Operators.Arithmetic.ADD;
        } else if (ptg instanceof SubtractPtg) {
            return Operators.Arithmetic.SUBTRACT;
        } else if (ptg instanceof MultiplyPtg) {
            return Operators.Arithmetic.MULTIPLY;
        } else if (ptg instanceof DividePtg) {
            return Operators.Arithmetic.DIVIDE;
        } else if (ptg instanceof PowerPtg) {
            return Operators.Arithmetic.POWER;
        }
        return null;
    }

    private static Function comparison(Ptg ptg) {
        if (ptg instanceof EqualPtg) {
            return RelationalOperationEval.EqualEval;
        } else if (ptg instanceof NotEqualPtg) {
            return RelationalOperationEval.NotEqualEval;
        } else if (ptg instanceof LessThanPtg) {
            return RelationalOperationEval.LessThanEval;
        } else if (ptg instanceof LessEqualPtg) {
            return RelationalOperationEval.LessEqualEval;
        } else if (ptg instanceof GreaterThanPtg) {
            return RelationalOperationEval.GreaterThanEval;
        } else if (ptg instanceof GreaterEqualPtg) {
            return RelationalOperationEval.GreaterEqualEval;
        }
        return null;
    }

    private Node function(int index, String name, Node[] args, int sheet, int row, int column)
            throws NotCompilableException {
        if (index == FunctionMetadataRegistry.FUNCTION_INDEX_EXTERNAL) {
            return external(args, sheet, row, column);
        }
        if (VOLATILE.contains(name)) {
            throw new NotCompilableException("volatile function " + name);
        }
        Node natively = natively(name, args);
        if (natively != null) {
            return natively;
        }
        for (Node arg : args) {
            if (arg instanceof FunctionName || returnsReference(arg)) {
                throw new NotCompilableException("reference-valued argument to " + name);
            }
        }
        Function implementation;
        try {
            implementation = FunctionEval.getBasicFunction(index);
        } catch (NotImplementedException e) {
            implementation = null;
        }
        if (implementation == null || implementation instanceof NotImplementedFunction) {
            throw new NotCompilableException("function not implemented: " + name);
        }
        PoiCall general = new PoiCall(compiler.newSlot(), name, implementation, row, column, args);
        return specialised(name, general);
    }

    /** A faster node for common cases of some functions, falling back to {@code general} for the rest. */
    private Node specialised(String name, PoiCall general) {
        int arity = general.args.length;
        switch (name) {
            case "VLOOKUP":
                return Lookups.exactVlookup(general, compiler.template());
            case "YEAR":
                return arity == 1 ? new Dates.Part(general, Dates.Field.YEAR) : general;
            case "MONTH":
                return arity == 1 ? new Dates.Part(general, Dates.Field.MONTH) : general;
            case "DAY":
                return arity == 1 ? new Dates.Part(general, Dates.Field.DAY) : general;
            case "INT":
                return arity == 1 ? new Functions.Int(general) : general;
            case "SUM":
                return Functions.Sum.of(general);
            case "LOWER":
                return arity == 1 ? new Texts(general, Texts.Case.LOWER) : general;
            case "UPPER":
                return arity == 1 ? new Texts(general, Texts.Case.UPPER) : general;
            case "PROPER":
                return arity == 1 ? new Texts(general, Texts.Case.PROPER) : general;
            case "DATE":
                // POI builds the date at local midnight: exact only where midnight always exists
                return arity == 3 && fixedZone() ? new Dates.Make(general) : general;
            default:
                return general;
        }
    }

    private Node natively(String name, Node[] args) throws NotCompilableException {
        switch (name) {
            case "IF":
                if (args.length < 2 || args.length > 3 || args[0] instanceof PoiCall.Missing) {
                    return null;
                }
                Node[] ifArgs = new Node[args.length];
                for (int i = 0; i < args.length; i++) {
                    ifArgs[i] = branch(args[i]);
                }
                return new Functions.If(compiler.newSlot(), ifArgs);
            case "ROUND":
                return round(RoundingMode.HALF_UP, args);
            case "ROUNDUP":
                return round(RoundingMode.UP, args);
            case "ROUNDDOWN":
                return round(RoundingMode.DOWN, args);
            default:
                return null;
        }
    }

    private Node round(RoundingMode mode, Node[] args) throws NotCompilableException {
        if (args.length != 2 || args[0] instanceof PoiCall.Missing || args[1] instanceof PoiCall.Missing) {
            return null;
        }
        return new Functions.Round(compiler.newSlot(), mode, scalar(args[0]), scalar(args[1]));
    }

    private Node external(Node[] args, int sheet, int row, int column) throws NotCompilableException {
        if (args.length == 0 || !(args[0] instanceof FunctionName)) {
            throw new NotCompilableException("unsupported external function");
        }
        String name = ((FunctionName) args[0]).name.toUpperCase(java.util.Locale.ROOT);
        if (name.startsWith("_XLFN.")) {
            name = name.substring("_XLFN.".length());
        }
        if (name.equals("IFERROR") && args.length == 3) {
            return new Functions.IfError(compiler.newSlot(), scalar(args[1]), branch(args[2]));
        }
        FreeRefFunction addIn = ADD_INS.contains(name) ? AnalysisToolPak.instance.findFunction(name) : null;
        if (addIn == null) {
            throw new NotCompilableException("function not compiled: " + name);
        }
        Node[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        for (Node arg : rest) {
            if (arg instanceof FunctionName || returnsReference(arg)) {
                throw new NotCompilableException("reference-valued argument to " + name);
            }
        }
        OperationEvaluationContext context = new OperationEvaluationContext(null, null, sheet, row, column, null);
        Function function = (values, r, c) -> addIn.evaluate(values, context);
        PoiCall general = new PoiCall(compiler.newSlot(), name, function, row, column, rest);
        if (name.equals("EDATE") && rest.length == 2 && fixedZone()) {
            return new Dates.AddMonths(general);
        }
        if (name.equals("YEARFRAC") && (rest.length == 2 || rest.length == 3) && !anyMissing(rest)) {
            return new YearFrac(general);
        }
        return general;
    }

    private static boolean anyMissing(Node[] args) {
        for (Node arg : args) {
            if (arg instanceof PoiCall.Missing) {
                return true;
            }
        }
        return false;
    }

    private static boolean fixedZone() {
        return LocaleUtil.getUserTimeZone().toZoneId().getRules().isFixedOffset();
    }

    private static boolean returnsReference(Node node) {
        if (node instanceof Functions.If || node instanceof Functions.IfError) {
            for (Node arg : node.args) {
                if (arg instanceof PoiCall.CellRef || returnsReference(arg)) {
                    return true;
                }
            }
        }
        return node instanceof PoiCall && REFERENCE_RESULT.contains(((PoiCall) node).name());
    }

    /** An operand used as one value: a range there would need implicit intersection. */
    static Node scalar(Node node) throws NotCompilableException {
        if (node instanceof PoiCall.Area || node instanceof FunctionName) {
            throw new NotCompilableException("range or name used as a single value");
        }
        return node;
    }

    /** A branch of IF or IFERROR: passed through as a value, never as a range. */
    static Node branch(Node node) throws NotCompilableException {
        return scalar(node);
    }

    private static Node[] pop(Deque<Node> stack, int count) {
        Node[] args = new Node[count];
        for (int i = count - 1; i >= 0; i--) {
            args[i] = stack.pop();
        }
        return args;
    }

    /** The name of an add-in or newer function, first operand of the external-function token. */
    static final class FunctionName extends Node {
        final String name;

        FunctionName(int slot, String name) {
            super(slot, false);
            this.name = name;
        }

        @Override
        void eval(Frame f) {
            throw new IllegalStateException("a function name has no value");
        }
    }
}
