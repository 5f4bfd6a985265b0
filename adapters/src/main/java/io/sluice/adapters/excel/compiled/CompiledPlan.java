package io.sluice.adapters.excel.compiled;

import java.util.List;

/**
 * The evaluation plan of one workbook version for one set of inputs and outputs: the formula
 * cells between them in dependency order, each a tree of {@link Node}s over slots of a
 * {@link Frame}. Immutable and shared by every thread; each thread evaluates on its own frame
 * from {@link #newFrame()}.
 */
public final class CompiledPlan {

    private final Frame template;
    private final int[] inputSlots;
    private final int[] outputSlots;
    private final Node[] roots;
    private final int[] cellSlots;

    CompiledPlan(Frame template, int[] inputSlots, int[] outputSlots, List<Step> steps) {
        this.template = template;
        this.inputSlots = inputSlots.clone();
        this.outputSlots = outputSlots.clone();
        this.roots = new Node[steps.size()];
        this.cellSlots = new int[steps.size()];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = steps.get(i).root();
            cellSlots[i] = steps.get(i).cellSlot();
        }
    }

    /** A formula cell to compute for every record: its expression and the slot of the cell. */
    record Step(Node root, int cellSlot) {
    }

    /** A new frame holding the workbook's saved input values and every constant. */
    public Frame newFrame() {
        return new Frame(this, template.tag.clone(), template.num.clone(), template.obj.clone());
    }

    /** Computes every output from the inputs currently set in {@code frame}. */
    public void evaluate(Frame frame) {
        Node[] nodes = roots;
        int[] slots = cellSlots;
        for (int i = 0; i < nodes.length; i++) {
            Node root = nodes[i];
            root.eval(frame);
            storeFormulaResult(frame, root.slot, slots[i]);
        }
    }

    /** A formula never evaluates to blank: a blank result is 0, as in POI and Excel. */
    static void storeFormulaResult(Frame frame, int from, int to) {
        if (frame.tag[from] == Frame.BLANK) {
            frame.setNumberSlot(to, 0.0);
            frame.obj[to] = null;
        } else if (from != to) {
            frame.copy(from, to);
        }
    }

    /** The number of formula cells evaluated per record. */
    public int liveFormulaCount() {
        return roots.length;
    }

    /** The number of value slots a frame holds. */
    public int slotCount() {
        return template.tag.length;
    }

    public int inputCount() {
        return inputSlots.length;
    }

    public int outputCount() {
        return outputSlots.length;
    }

    int inputSlot(int index) {
        return inputSlots[index];
    }

    int outputSlot(int index) {
        return outputSlots[index];
    }

    void resetInput(Frame frame, int index) {
        int slot = inputSlots[index];
        frame.tag[slot] = template.tag[slot];
        frame.num[slot] = template.num[slot];
        frame.obj[slot] = template.obj[slot];
    }
}
