package io.sluice.webapp;

import io.micronaut.runtime.Micronaut;

/** Starts Sluice: the HTTP server, the workers and the dashboard. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .start();
    }
}
