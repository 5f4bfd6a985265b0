package io.sluice.application.service

import io.sluice.application.port.ServiceRegistry

class InMemoryServiceRegistrySpec extends ServiceRegistryContract {

    ServiceRegistry registry = new InMemoryServiceRegistry()

    @Override
    ServiceRegistry registry() {
        registry
    }
}
