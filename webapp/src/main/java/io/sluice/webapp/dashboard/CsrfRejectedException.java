package io.sluice.webapp.dashboard;

/** A dashboard request came without the browser's CSRF token, or with another one. */
class CsrfRejectedException extends RuntimeException {

    CsrfRejectedException(String message) {
        super(message);
    }
}
