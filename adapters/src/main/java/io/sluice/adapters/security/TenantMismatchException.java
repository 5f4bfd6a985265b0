package io.sluice.adapters.security;

/**
 * A caller addressed a tenant other than its own. Answered like a missing resource, never as
 * forbidden, so that nothing about other tenants leaks.
 */
class TenantMismatchException extends RuntimeException {

    TenantMismatchException() {
        super("no such resource");
    }
}
