package io.sluice.webapp.dashboard.archfixture;

import io.sluice.application.port.BatchRepository;

/** Breaks the dashboard rule on purpose: a page that reads batches from the repository, skipping the use cases. */
public class PageReadingARepository {

    private final BatchRepository batches;

    public PageReadingARepository(BatchRepository batches) {
        this.batches = batches;
    }

    public BatchRepository batches() {
        return batches;
    }
}
