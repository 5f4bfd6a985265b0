package io.sluice.client.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.client.Json;
import io.sluice.client.io.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice execute}: computes one record synchronously through the Execute API. */
@Command(name = "execute", mixinStandardHelpOptions = true,
        description = "Compute one record with a service and print its outputs, warnings and errors.")
final class ExecuteCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Option(names = "--service", required = true, description = "Service URI, e.g. samples/SalesExample or "
            + "samples/SalesExample[1.0].")
    String service;

    @Option(names = "--input", description = "An input value NAME=VALUE (repeatable); numbers are sent as numbers.")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Option(names = "--output-names", split = ",", description = "Outputs to return (names or regular expressions).")
    List<String> outputs;

    @Override
    public Integer call() throws Exception {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("service", service);
        ObjectNode record = Json.mapper().createObjectNode();
        inputs.forEach((name, value) -> record.set(name, Values.of(value)));
        body.putArray("inputs").add(record);
        if (outputs != null && !outputs.isEmpty()) {
            ArrayNode names = body.putArray("output");
            outputs.forEach(names::add);
        }
        body.put("source_system", "sluice-cli");
        Printer.json(spec.commandLine().getOut(), connection.client().execute(body));
        return 0;
    }
}
