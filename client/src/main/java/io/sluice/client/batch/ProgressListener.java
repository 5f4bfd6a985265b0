package io.sluice.client.batch;

/** Hears how a run advances; called from the run's threads, so implementations must be thread-safe. */
public interface ProgressListener {

    /** The batch exists. */
    default void started(String batchId, String serviceUri) {
    }

    /** Records read from the input so far, and the input bytes they took. */
    default void read(long records, long bytes) {
    }

    /** Records whose results are written so far, and how many of them failed. */
    default void written(long records, long failures) {
    }

    /** Nothing more will be read: {@code records} is the total. */
    default void readingDone(long records) {
    }

    ProgressListener NONE = new ProgressListener() {
    };
}
