package io.sluice.adapters.excel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The workbooks of Sluice's built-in sample services, made by code so that they can be reviewed
 * and reproduced. Run {@link #main} to write them as files.
 */
final class SampleWorkbooks {

    static final String FOLDER = "samples";
    static final String SALES_EXAMPLE = "SalesExample";
    static final String INSURANCE_QUOTE = "InsuranceQuote";

    private SampleWorkbooks() {
    }

    /** The service of the Batch API's guide: {@code total = ROUND(price * quantity * (1 + tax), 2)}. */
    static byte[] salesExample() {
        return new WorkbookBuilder().sheet("Sales")
                .set("A1", "Price").set("B1", 100)
                .set("A2", "Quantity").set("B2", 1)
                .set("A3", "Tax").set("B3", 0.1)
                .set("A5", "Total").set("B5", "=ROUND(B1*B2*(1+B3),2)")
                .name("Xinput_price", "Sales!$B$1")
                .name("Xinput_quantity", "Sales!$B$2")
                .name("Xinput_tax", "Sales!$B$3")
                .name("Xoutput_total", "Sales!$B$5")
                .bytes();
    }

    /**
     * A richer service: a rate looked up by product (unknown products give {@code #N/A}), an age
     * from two dates, IF categories, text, a date output, a table input of extras, a table output
     * (the yearly schedule), and a monthly payment divided by the years ({@code #DIV/0!} for 0).
     */
    static byte[] insuranceQuote() {
        WorkbookBuilder b = new WorkbookBuilder().sheet("Quote").sheet("Rates").sheet("Quote");
        b.set("A1", "Customer").set("B1", "ada lovelace")
                .set("A2", "Product").set("B2", "BASIC")
                .set("A3", "Birth date").set("B3", LocalDate.of(1990, 5, 17))
                .set("A4", "Quote date").set("B4", LocalDate.of(2026, 1, 1))
                .set("A5", "Amount").set("B5", 12000)
                .set("A6", "Years").set("B6", 3)
                .set("D1", "item").set("E1", "price").set("D2", "Helmet").set("E2", 100);
        b.name("RateTable", "Rates!$A$2:$B$4");
        b.set("A10", "Age").set("B10", "=INT(YEARFRAC(B3,B4,1))")
                .set("A11", "Category").set("B11", "=IF(B10>=65,\"senior\",IF(B10<18,\"minor\",\"adult\"))")
                .set("A12", "Rate").set("B12", "=VLOOKUP(B2,RateTable,2,FALSE)")
                .set("A13", "Monthly payment").set("B13", "=ROUND(B5*(1+B12*B6)/(B6*12),2)")
                .set("A14", "Greeting").set("B14", "=\"Dear \"&PROPER(B1)&\", your \"&LOWER(B2)&\" quote\"")
                .set("A15", "End date").set("B15", "=EDATE(B4,B6*12)").dateFormat("B15")
                .set("A16", "Extras").set("B16", "=SUM(E2:E6)")
                .set("A17", "Total").set("B17", "=B13*B6*12+B16");
        b.set("G1", "year").set("H1", "payment").set("I1", "balance");
        for (int row = 2; row <= 6; row++) {
            b.set("G" + row, "=IF(" + (row - 1) + "<=$B$6," + (row - 1) + ",\"\")")
                    .set("H" + row, "=IF(G" + row + "=\"\",\"\",$B$13*12)")
                    .set("I" + row, "=IF(G" + row + "=\"\",\"\",ROUND($B$17-$B$13*12*G" + row + ",2))");
        }
        b.sheet("Rates").set("A1", "product").set("B1", "rate")
                .set("A2", "BASIC").set("B2", 0.05)
                .set("A3", "PLUS").set("B3", 0.07)
                .set("A4", "PREMIUM").set("B4", 0.09);
        return b.name("Xinput_customer", "Quote!$B$1")
                .name("Xinput_product", "Quote!$B$2")
                .name("Xinput_birth_date", "Quote!$B$3")
                .name("Xinput_quote_date", "Quote!$B$4")
                .name("Xinput_amount", "Quote!$B$5")
                .name("Xinput_years", "Quote!$B$6")
                .name("Xinput_extras", "Quote!$D$1:$E$6")
                .name("Xoutput_age", "Quote!$B$10")
                .name("Xoutput_category", "Quote!$B$11")
                .name("Xoutput_rate", "Quote!$B$12")
                .name("Xoutput_monthly_payment", "Quote!$B$13")
                .name("Xoutput_greeting", "Quote!$B$14")
                .name("Xoutput_end_date", "Quote!$B$15")
                .name("Xoutput_extras_total", "Quote!$B$16")
                .name("Xoutput_total", "Quote!$B$17")
                .name("Xoutput_schedule", "Quote!$G$1:$I$6")
                .bytes();
    }

    /** Writes the sample workbooks into the directory given (default: the working directory). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        Files.write(dir.resolve(SALES_EXAMPLE + ".xlsx"), salesExample());
        Files.write(dir.resolve(INSURANCE_QUOTE + ".xlsx"), insuranceQuote());
    }
}
