package io.sluice.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice status [batch-id]}: one batch's pipeline and counters, or the tenant's view. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Pipeline status and summary of one batch; without an id, the tenant's batches and buffers.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", description = "The batch id.")
    String batchId;

    @Override
    public Integer call() throws Exception {
        var client = connection.client();
        if (batchId == null) {
            Printer.json(spec.commandLine().getOut(), client.tenantBatches());
            return 0;
        }
        var info = client.batch(batchId);
        var status = client.status(batchId);
        var both = io.sluice.client.Json.mapper().createObjectNode();
        both.set("batch", io.sluice.client.Json.mapper().valueToTree(info));
        both.set("pipeline", io.sluice.client.Json.mapper().valueToTree(status));
        Printer.json(spec.commandLine().getOut(), both);
        return 0;
    }
}
