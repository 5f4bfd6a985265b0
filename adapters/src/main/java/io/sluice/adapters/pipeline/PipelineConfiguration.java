package io.sluice.adapters.pipeline;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Factory;
import io.sluice.application.batch.PipelineSettings;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * {@code sluice.pipeline.*}: how this node runs the batch pipeline. Every value has a default; the
 * worker threads default to the machine's cores.
 */
@ConfigurationProperties("sluice.pipeline")
class PipelineConfiguration {

    private static final PipelineSettings DEFAULTS = PipelineSettings.defaults();

    int workerThreads = DEFAULTS.workerThreads();
    Duration lease = DEFAULTS.lease();
    Duration chunkTimeLimit = DEFAULTS.chunkTimeLimit();
    int maxAttempts = DEFAULTS.maxAttempts();
    long tenantBufferBytes = DEFAULTS.tenantBufferBytes();
    int tenantMaxWorkers = DEFAULTS.tenantMaxWorkers();
    Duration inactivityTimeout = DEFAULTS.inactivityTimeout();
    Duration bufferReleaseDelay = DEFAULTS.bufferReleaseDelay();
    Duration retention = DEFAULTS.retention();
    Duration shutdownGrace = Duration.ofSeconds(20);
    boolean workersEnabled = true;

    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public void setChunkTimeLimit(Duration chunkTimeLimit) {
        this.chunkTimeLimit = chunkTimeLimit;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public void setTenantBufferBytes(long tenantBufferBytes) {
        this.tenantBufferBytes = tenantBufferBytes;
    }

    public void setTenantMaxWorkers(int tenantMaxWorkers) {
        this.tenantMaxWorkers = tenantMaxWorkers;
    }

    public void setInactivityTimeout(Duration inactivityTimeout) {
        this.inactivityTimeout = inactivityTimeout;
    }

    public void setBufferReleaseDelay(Duration bufferReleaseDelay) {
        this.bufferReleaseDelay = bufferReleaseDelay;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public void setShutdownGrace(Duration shutdownGrace) {
        this.shutdownGrace = shutdownGrace;
    }

    public void setWorkersEnabled(boolean workersEnabled) {
        this.workersEnabled = workersEnabled;
    }

    @Factory
    static class Settings {

        @Singleton
        PipelineSettings pipelineSettings(PipelineConfiguration c) {
            return new PipelineSettings(c.workerThreads, c.lease, c.chunkTimeLimit, c.maxAttempts, c.tenantBufferBytes,
                    c.tenantMaxWorkers, c.inactivityTimeout, c.bufferReleaseDelay, c.retention, DEFAULTS.recentWindow());
        }
    }
}
