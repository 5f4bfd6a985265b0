package io.sluice.adapters.rest.service;

/** A services or execute request that is malformed: a field missing, of the wrong type or out of range. */
class InvalidServiceRequestException extends RuntimeException {

    InvalidServiceRequestException(String message, Throwable cause) {
        super(message, cause);
    }

    InvalidServiceRequestException(String message) {
        super(message);
    }
}
