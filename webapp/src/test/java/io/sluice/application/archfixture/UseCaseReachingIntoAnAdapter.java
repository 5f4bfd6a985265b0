package io.sluice.application.archfixture;

import io.micronaut.http.HttpStatus;

/** Deliberately breaks the architecture: proves the specification catches a use case using the web framework. */
public class UseCaseReachingIntoAnAdapter {

    public int status() {
        return HttpStatus.OK.getCode();
    }
}
