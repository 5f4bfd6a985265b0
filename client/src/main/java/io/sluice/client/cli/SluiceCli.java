package io.sluice.client.cli;

import io.sluice.client.Json;
import io.sluice.client.SluiceApiException;
import java.io.PrintWriter;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sluice} command line: stream files through batches, inspect batches and services. */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "sluice 0.1.0",
        description = "Command line for Sluice: stream CSV or JSON lines through a batch, inspect batches, "
                + "list and publish services, execute a record.",
        subcommands = {RunCommand.class, StatusCommand.class, BatchesCommand.class, ServicesCommand.class,
                ExecuteCommand.class, CommandLine.HelpCommand.class})
public final class SluiceCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Thread warmUp = new Thread(() -> warmUp(mayUseTls(args, System.getenv("SLUICE_URL"))), "sluice-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        int status = commandLine().execute(args);
        stopHttpSelectors();
        System.exit(status);
    }

    /**
     * Builds, beside the main thread parsing the arguments, what every command needs next and takes
     * a tenth of a second to make: the JSON mapping and, for an https URL, the default TLS context
     * (with the trusted certificates). Both are made once per JVM, so the main thread then finds
     * them ready, or waits for the rest. A plain http connection never loads TLS at all.
     */
    private static void warmUp(boolean tls) {
        Json.mapper();
        if (tls) {
            try {
                SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                // the HTTP client reports it when it is built
            }
        }
    }

    /**
     * Whether the command may connect over https, guessed before picocli parses the arguments: an
     * argument or {@code SLUICE_URL} starting with {@code https:}. A wrong guess costs time, never
     * a failure.
     */
    static boolean mayUseTls(String[] args, String urlVariable) {
        return startsWithHttps(urlVariable)
                || Arrays.stream(args).anyMatch(arg -> startsWithHttps(arg.substring(arg.indexOf('=') + 1)));
    }

    private static boolean startsWithHttps(String text) {
        return text != null && text.regionMatches(true, 0, "https:", 0, 6);
    }

    /**
     * Ends the HTTP clients' selector threads before the JVM exits. Each sits in a native
     * {@code epoll_wait}, and the JVM's exit waits up to 300 ms for threads in native code to
     * return; JDK 17's {@code HttpClient} has no {@code close()} (JDK 21's does this), but its
     * selector thread ends when interrupted. Every request is answered by now.
     */
    static void stopHttpSelectors() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("HttpClient-")
                        && thread.getName().endsWith("-SelectorManager"))
                .forEach(Thread::interrupt);
    }

    /** The command line with Sluice's error reporting: one line for an API error, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SluiceCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("sluice: " + describe(e));
            err.flush();
            return e instanceof SluiceApiException api && api.status() == 404 ? 3 : 1;
        });
        return cli;
    }

    private static String describe(Exception e) {
        if (e instanceof java.net.ConnectException) {
            return "cannot connect to Sluice (is it running? check --url or SLUICE_URL)";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
