package io.sluice.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice batches}: the tenant's in-progress and recent batches as a table. */
@Command(name = "batches", mixinStandardHelpOptions = true,
        description = "In-progress and recent (last hour) batches of the tenant: all of them for a supervisor, "
                + "else your own.")
final class BatchesCommand implements Callable<Integer> {

    private static final String ROW = "%-36s  %-20s  %11s  %8s  %s%n";

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        JsonNode view = connection.client().tenantBatches();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(ROW, "ID", "STATUS", "COMPLETED", "FAILED", "SERVICE");
        for (String list : new String[] {"in_progress_batches", "recent_batches"}) {
            for (JsonNode batch : view.path(list)) {
                JsonNode data = batch.path("data");
                JsonNode summary = data.path("summary");
                out.printf(ROW, Printer.text(batch, "id"), Printer.text(data, "batch_status"),
                        Printer.text(summary, "records_completed"),
                        Printer.text(summary, "records_failed"), Printer.text(data, "service_uri"));
            }
        }
        out.flush();
        return 0;
    }
}
