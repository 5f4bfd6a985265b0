package io.sluice.adapters.excel.compiled;

/**
 * One step of a compiled formula: evaluates its arguments, then writes its own result into its
 * {@link #slot} of the {@link Frame}. Nodes are immutable once the plan is built and hold no
 * per-evaluation state, so one plan serves any number of threads.
 */
abstract class Node {

    final int slot;
    /** True when some input reaches this node, so it must be evaluated for every record. */
    final boolean live;
    /** The argument nodes; folding replaces constant ones while the plan is being built. */
    final Node[] args;

    Node(int slot, Node... args) {
        this(slot, anyLive(args), args);
    }

    Node(int slot, boolean live, Node... args) {
        this.slot = slot;
        this.live = live;
        this.args = args;
    }

    abstract void eval(Frame f);

    private static boolean anyLive(Node[] args) {
        for (Node arg : args) {
            if (arg.live) {
                return true;
            }
        }
        return false;
    }

    /** A value already in the frame: a cell, a constant, or a folded sub-expression. */
    static final class Slot extends Node {
        Slot(int slot, boolean live) {
            super(slot, live);
        }

        @Override
        void eval(Frame f) {
            // the value is already in place
        }
    }
}
