package io.sluice.webapp.process

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * {@code ./sluice} as an operator runs it, on the jar this build packaged: the JVM options it
 * starts the server with. The JVM prints its flags as it starts; the server is stopped right there.
 */
class StartScriptIT extends Specification {

    static final Path SCRIPT = Path.of(System.getProperty('sluice.script', '../sluice')).toAbsolutePath().normalize()

    @TempDir
    Path dir

    def 'the server starts with webapp/jvm.options and, where the kernel offers them, its heap in huge pages'() {
        when:
        def flags = startingFlags([:])

        then:
        flags.ThreadStackSize == '8192'
        flags.ThreadPriorityPolicy == '1'
        flags.UseTransparentHugePages == Boolean.toString(hugePagesOffered())
    }

    def 'SLUICE_JAVA_OPTS replaces every option the script would choose'() {
        when:
        def flags = startingFlags(['SLUICE_JAVA_OPTS': '-Xss4m'])

        then:
        flags.ThreadStackSize == '4096'
        flags.ThreadPriorityPolicy == '0'
        flags.UseTransparentHugePages == 'false'
    }

    /** The flags of the server's JVM as {@code ./sluice} starts it with {@code environment}. */
    private Map<String, String> startingFlags(Map<String, String> environment) {
        def builder = new ProcessBuilder(SCRIPT.toString()).redirectErrorStream(true)
        builder.environment().remove('SLUICE_JAVA_OPTS')
        builder.environment().putAll([
                'JAVA_TOOL_OPTIONS'     : '-XX:+PrintFlagsFinal',
                'MICRONAUT_SERVER_PORT' : '-1',
                'DATASOURCES_DEFAULT_URL': "jdbc:h2:file:${dir.resolve('data/sluice')};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH".toString()])
        builder.environment().putAll(environment)
        def process = builder.start()
        // a script that never gets to start the JVM ends the stream, so the reading below ends too
        Thread.startDaemon {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly()
            }
        }
        try {
            Map<String, String> flags = [:]
            def reader = process.inputStream.newReader()
            String line
            while (!flags.containsKey('UseTransparentHugePages') && (line = reader.readLine()) != null) {
                def flag = line =~ /^\s*\S+\s+(\w+)\s+:?=\s+(\S+)/
                if (flag) {
                    flags[flag[0][1] as String] = flag[0][2] as String
                }
            }
            assert flags: 'the JVM printed no flags: is the jar newer than the sources, so that ./sluice did not build?'
            flags
        } finally {
            process.destroyForcibly()
            process.waitFor(30, TimeUnit.SECONDS)
        }
    }

    /** What the kernel says of transparent huge pages: offered unless missing or {@code never}. */
    private static boolean hugePagesOffered() {
        def setting = Path.of('/sys/kernel/mm/transparent_hugepage/enabled')
        Files.isReadable(setting) && !Files.readString(setting).contains('[never]')
    }
}
