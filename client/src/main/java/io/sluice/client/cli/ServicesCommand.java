package io.sluice.client.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice services list|publish}. */
@Command(name = "services", mixinStandardHelpOptions = true, description = "List or publish services.",
        subcommands = {ServicesCommand.List.class, ServicesCommand.Publish.class})
final class ServicesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The tenant's services.")
    static final class List implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Printer.json(spec.commandLine().getOut(), connection.client().services());
            return 0;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Publish an Excel workbook (.xlsx) as the service FOLDER/NAME, as its next version.")
    static final class Publish implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "The workbook file.")
        Path file;

        @Option(names = "--folder", required = true, description = "Folder of the service.")
        String folder;

        @Option(names = "--name", required = true, description = "Name of the service.")
        String name;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
            }
            Printer.json(spec.commandLine().getOut(), connection.client().publishService(file, folder, name));
            return 0;
        }
    }
}
