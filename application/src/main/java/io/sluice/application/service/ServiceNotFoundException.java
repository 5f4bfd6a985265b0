package io.sluice.application.service;

/** No service or version of the caller's tenant answers to the reference given. */
public class ServiceNotFoundException extends RuntimeException {

    public ServiceNotFoundException(String message) {
        super(message);
    }
}
