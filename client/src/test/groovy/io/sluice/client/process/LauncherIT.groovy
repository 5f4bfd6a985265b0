package io.sluice.client.process

import io.sluice.client.FakeSluice
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The {@code sluice-cli} launcher as a user runs it, on the jar this build packaged: the JVM
 * options it starts the command line with, and its class data archive, recorded by the first run
 * after a build and mapped by every later command.
 */
class LauncherIT extends Specification {

    static final Path LAUNCHER = Path.of(System.getProperty('sluice.launcher', '../sluice-cli')).toAbsolutePath().normalize()
    static final Path JAR = Path.of(System.getProperty('sluice.cli.jar', 'target/sluice-cli.jar')).toAbsolutePath().normalize()
    static final Path ARCHIVE = JAR.resolveSibling('sluice-cli.jsa')

    @AutoCleanup
    FakeSluice sluice = new FakeSluice()

    @TempDir
    Path dir

    def 'the command line starts on the serial collector and the client compiler, its heap in huge pages where the kernel offers them'() {
        when:
        def run = launch(['JAVA_TOOL_OPTIONS': '-XX:+PrintFlagsFinal'], '--version')

        then:
        run.exit == 0
        run.output.readLines().contains('sluice 0.1.0')
        flag(run.output, 'UseSerialGC') == 'true'
        flag(run.output, 'TieredStopAtLevel') == '1'
        flag(run.output, 'UseTransparentHugePages') == Boolean.toString(hugePagesOffered())
    }

    def 'the first run after a build records the class data archive, and a later command starts from it'() {
        given: 'a build without an archive yet'
        assert Files.isRegularFile(JAR)
        Files.deleteIfExists(ARCHIVE)
        def input = dir.resolve('sales.csv')
        Files.writeString(input, 'sale_id,price,quantity\n1,20,65\n2,74,73\n')
        def output = dir.resolve('totals.csv')

        when:
        def run = launch([:], 'run', '--url', sluice.url().toString(), '--api-key', FakeSluice.API_KEY,
                '--service', 'samples/SalesExample', '--key', 'sale_id', '--param', 'tax=0.1',
                '--input', input.toString(), '--output', output.toString())

        then:
        run.exit == 0
        Files.readAllLines(output) == ['sale_id,total,error', '1,1430,', '2,5942.2,']
        Files.isRegularFile(ARCHIVE)
        Files.getLastModifiedTime(ARCHIVE) > Files.getLastModifiedTime(JAR)

        when: 'the JVM is told to stop unless it maps the archive'
        def later = launch(['JAVA_TOOL_OPTIONS': '-Xshare:on'], '--version')

        then:
        later.exit == 0
        later.output.readLines().contains('sluice 0.1.0')
    }

    private Map launch(Map<String, String> environment, String... arguments) {
        def builder = new ProcessBuilder([LAUNCHER.toString()] + arguments.toList())
                .redirectErrorStream(true).redirectOutput(dir.resolve('launcher.log').toFile())
        builder.environment().remove('SLUICE_CLI_JAVA_OPTS')
        builder.environment().putAll(environment)
        def process = builder.start()
        assert process.waitFor(2, TimeUnit.MINUTES)
        [exit: process.exitValue(), output: Files.readString(dir.resolve('launcher.log'))]
    }

    /** What the kernel says of transparent huge pages: offered unless missing or {@code never}. */
    private static boolean hugePagesOffered() {
        def setting = Path.of('/sys/kernel/mm/transparent_hugepage/enabled')
        Files.isReadable(setting) && !Files.readString(setting).contains('[never]')
    }

    private static String flag(String printed, String name) {
        def line = printed.readLines().find { it =~ /\s$name\s+=/ }
        assert line: "no $name among the JVM's flags"
        (line =~ /=\s+(\S+)/)[0][1]
    }
}
