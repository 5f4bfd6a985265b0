package io.sluice.adapters.rest.batch;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** The body of {@code POST /batch}; every field but {@code service} may be left out. */
@Serdeable(naming = SnakeCaseStrategy.class)
record CreateBatchRequest(String service, List<String> output, String uniqueRecordKey, String callPurpose,
                          String sourceSystem, String correlationId, Integer initialWorkers, Integer maxWorkers,
                          Integer runnerThreadCount, Integer chunksPerThread, Double maxInputInMb, Double maxOutputInMb,
                          Integer acceptableErrorPercentage) {
}
