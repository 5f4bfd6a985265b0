package io.sluice.adapters.excel;

/** The built-in sample workbooks as bytes, for benchmarks that evaluate them outside Sluice. */
public final class SampleWorkbookFiles {

    private SampleWorkbookFiles() {
    }

    /** The sales example: {@code total = ROUND(price * quantity * (1 + tax), 2)}. */
    public static byte[] salesExample() {
        return SampleWorkbooks.salesExample();
    }
}
