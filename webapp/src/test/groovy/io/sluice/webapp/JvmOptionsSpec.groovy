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
}
