package io.sluice.webapp

import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** The JVM options ./sluice starts the server with (webapp/jvm.options): a typo there would only show at start. */
class JvmOptionsSpec extends Specification {

    static final Path OPTIONS = Path.of('jvm.options').toAbsolutePath()

    static String java(List<String> arguments) {
        def command = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString()] + arguments
        def process = new ProcessBuilder(command).redirectErrorStream(true).start()
        def printed = process.inputStream.text
        assert process.waitFor(60, TimeUnit.SECONDS)
        assert process.exitValue() == 0: printed
        printed
    }

    def 'the JVM takes the file as it is, with its larger thread stack'() {
        when:
        def printed = java(["@$OPTIONS".toString(), '-XX:+PrintFlagsFinal', '-version'])

        then:
        !printed.contains('error')
        printed.readLines().find { it.contains(' ThreadStackSize ') }.contains('8192')
    }

    def 'each framework is kept from the optimising compiler, and no package of Sluice is'() {
        given: 'the options without the line that silences the compile commands'
        def options = Files.readAllLines(OPTIONS).findAll { !it.isBlank() && !it.startsWith('#') }
        options.remove('-XX:CompileCommand=quiet')

        when:
        def registered = java(options + ['-version']).readLines().findAll { it.startsWith('CompileCommand:') }

        then:
        registered.toSet() == ['org/h2/*.*', 'io/micronaut/*.*', 'reactor/*.*']
                .collect { "CompileCommand: MaxNodeLimit $it intx MaxNodeLimit = 200".toString() }.toSet()
    }

    /** The nice value in a Linux {@code /proc/.../stat} line (its 19th field). */
    static int nice(String stat) {
        stat.substring(stat.lastIndexOf(')') + 2).split(' ')[16] as int
    }

    def 'a thread at the lowest priority, as the pipeline runs its workers, gets a higher nice value from the system'() {
        given: 'a suite not itself niced: only root could bring a thread back to nice 0 from there'
        assert nice(new File('/proc/self/stat').text) == 0: 'run the suite at nice 0 (Linux), as ./sluice runs the server'

        and: 'a program that prints the nice value of a thread at priority 1 and of one at priority 5'
        def source = Files.createTempDirectory('jvm-options').resolve('Nice.java')
        Files.writeString(source, """
            import java.nio.file.*;
            public class Nice {
                static String nice() {
                    try {
                        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
                        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                public static void main(String[] args) throws Exception {
                    for (int priority : new int[] {Thread.MIN_PRIORITY, Thread.NORM_PRIORITY}) {
                        Thread t = new Thread(() -> System.out.println("nice " + nice()));
                        t.setPriority(priority);
                        t.start();
                        t.join();
                    }
                }
            }
        """.stripIndent())

        expect:
        java(["@$OPTIONS".toString(), source.toString()]).readLines().findAll { it.startsWith('nice ') } == ['nice 4', 'nice 0']
    }
}
