package io.sluice.adapters.rest.service;

import io.micronaut.context.annotation.Factory;
import io.sluice.application.port.CalculationEngine;
import io.sluice.application.port.Clock;
import io.sluice.application.port.ServiceRegistry;
import io.sluice.application.service.DownloadWorkbook;
import io.sluice.application.service.ExecuteRecords;
import io.sluice.application.service.GetVersionSchema;
import io.sluice.application.service.ListServices;
import io.sluice.application.service.ListVersions;
import io.sluice.application.service.PrepareCalculation;
import io.sluice.application.service.PublishService;
import io.sluice.application.service.ResolveService;
import io.sluice.application.service.RetireVersion;
import jakarta.inject.Singleton;

/** Makes the service use cases beans; the application module itself knows no container. */
@Factory
class ServiceUseCases {

    @Singleton
    PublishService publishService(CalculationEngine engine, ServiceRegistry registry, Clock clock) {
        return new PublishService(engine, registry, clock);
    }

    @Singleton
    ResolveService resolveService(ServiceRegistry registry, Clock clock) {
        return new ResolveService(registry, clock);
    }

    @Singleton
    PrepareCalculation prepareCalculation(CalculationEngine engine, ServiceRegistry registry) {
        return new PrepareCalculation(engine, registry);
    }

    @Singleton
    ExecuteRecords executeRecords(ResolveService resolve, PrepareCalculation prepare, CalculationEngine engine, Clock clock) {
        return new ExecuteRecords(resolve, prepare, engine, clock);
    }

    @Singleton
    ListServices listServices(ServiceRegistry registry) {
        return new ListServices(registry);
    }

    @Singleton
    ListVersions listVersions(ServiceRegistry registry) {
        return new ListVersions(registry);
    }

    @Singleton
    GetVersionSchema getVersionSchema(ServiceRegistry registry) {
        return new GetVersionSchema(registry);
    }

    @Singleton
    DownloadWorkbook downloadWorkbook(ServiceRegistry registry) {
        return new DownloadWorkbook(registry);
    }

    @Singleton
    RetireVersion retireVersion(ServiceRegistry registry, Clock clock) {
        return new RetireVersion(registry, clock);
    }
}
