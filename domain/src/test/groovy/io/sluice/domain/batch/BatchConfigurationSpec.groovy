package io.sluice.domain.batch

import io.sluice.domain.record.OutputSelection
import spock.lang.Specification

class BatchConfigurationSpec extends Specification {

    static BatchConfiguration.Requested requested(Map settings) {
        new BatchConfiguration.Requested(settings.initialWorkers as Integer, settings.maxWorkers as Integer,
                settings.runnerThreadCount as Integer, settings.chunksPerThread as Integer,
                settings.maxInputInMb as Double, settings.maxOutputInMb as Double,
                settings.acceptableErrorPercentage as Integer, settings.output as OutputSelection,
                settings.uniqueRecordKey as String, settings.callPurpose as String, settings.sourceSystem as String,
                settings.correlationId as String)
    }

    def 'nothing asked for gives the defaults of the reference API'() {
        when:
        def configuration = BatchConfiguration.from(BatchConfiguration.Requested.defaults())

        then:
        configuration.initialWorkers() == 10
        configuration.maxWorkers() == 3000
        configuration.runnerThreadCount() == 1
        configuration.chunksPerThread() == 1
        configuration.inputBufferBytes() == 70_000_000
        configuration.outputBufferBytes() == 80_000_000
        configuration.totalBufferBytes() == 150_000_000
        configuration.acceptableErrorPercentage() == 0
        configuration.outputSelection().keepsAll()
        configuration.uniqueRecordKey() == null
    }

    def 'buffer sizes are given in MB of a million bytes, fractions allowed'() {
        when:
        def configuration = BatchConfiguration.from(requested(maxInputInMb: 0.5d, maxOutputInMb: 2d))

        then:
        configuration.inputBufferBytes() == 500_000
        configuration.outputBufferBytes() == 2_000_000
    }

    def 'what the client asks for is kept'() {
        when:
        def configuration = BatchConfiguration.from(requested(initialWorkers: 2, maxWorkers: 4, runnerThreadCount: 2,
                chunksPerThread: 3, acceptableErrorPercentage: 10, output: OutputSelection.of(['total']),
                uniqueRecordKey: 'sales_id', callPurpose: 'Quarterly reporting', sourceSystem: 'Analysis server',
                correlationId: 'c-1'))

        then:
        configuration.initialWorkers() == 2
        configuration.maxWorkers() == 4
        configuration.runnerThreadCount() == 2
        configuration.chunksPerThread() == 3
        configuration.acceptableErrorPercentage() == 10
        configuration.outputSelection() == OutputSelection.of(['total'])
        configuration.uniqueRecordKey() == 'sales_id'
        configuration.callPurpose() == 'Quarterly reporting'
        configuration.sourceSystem() == 'Analysis server'
        configuration.correlationId() == 'c-1'
    }

    def 'a batch with fewer max workers than the default initial ones starts with all of them'() {
        expect:
        BatchConfiguration.from(requested(maxWorkers: 3)).initialWorkers() == 3
    }

    def 'a setting out of its range is refused naming it: #settings'() {
        when:
        BatchConfiguration.from(requested(settings))

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith(message)

        where:
        settings                           | message
        [maxWorkers: 0]                    | 'max_workers must be between 1 and 3000, was 0'
        [maxWorkers: 3001]                 | 'max_workers must be between 1 and 3000'
        [initialWorkers: 0]                | 'initial_workers must be between 1 and 3000'
        [initialWorkers: 5, maxWorkers: 4] | 'initial_workers must be between 1 and 4, was 5'
        [runnerThreadCount: 0]             | 'runner_thread_count must be between 1 and 64'
        [chunksPerThread: 101]             | 'chunks_per_thread must be between 1 and 100'
        [maxInputInMb: 0d]                 | 'max_input_in_mb must be more than 0 and at most 1000'
        [maxOutputInMb: 1000.5d]           | 'max_output_in_mb must be more than 0 and at most 1000'
        [maxOutputInMb: Double.NaN]        | 'max_output_in_mb must be more than 0'
        [acceptableErrorPercentage: -1]    | 'acceptable_error_percentage must be between 0 and 100'
        [acceptableErrorPercentage: 101]   | 'acceptable_error_percentage must be between 0 and 100'
        [uniqueRecordKey: ' ']             | 'unique_record_key must not be blank'
    }

    def 'a stored configuration is checked like a requested one'() {
        when:
        new BatchConfiguration(1, 1, 1, 1, 0, 1, 0, OutputSelection.all(), null, null, null, null)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'input buffer bytes must be between 1 and 1000000000, was 0'
    }
}
