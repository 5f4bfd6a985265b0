package io.sluice.adapters.excel;

/** A sheet of a frozen workbook or of a fork, which knows its own index. */
interface SheetIndexed {

    int index();
}
