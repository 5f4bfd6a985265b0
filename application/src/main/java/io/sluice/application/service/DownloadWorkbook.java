package io.sluice.application.service;

import io.sluice.application.port.ServiceRegistry;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.tenant.TenantId;

import java.util.UUID;

/** The original workbook of a version, byte for byte as published. */
public class DownloadWorkbook {

    private final ServiceRegistry registry;
    private final ServiceLookup lookup;

    public DownloadWorkbook(ServiceRegistry registry) {
        this.registry = registry;
        this.lookup = new ServiceLookup(registry);
    }

    /** @throws ServiceNotFoundException when the tenant has no such version */
    public WorkbookFile download(TenantId tenant, UUID versionId) {
        ServiceVersion version = lookup.version(tenant, versionId);
        byte[] content = registry.workbook(tenant, versionId)
                .orElseThrow(() -> ServiceLookup.notFound("workbook of version " + versionId));
        return new WorkbookFile(version.fileName(), content);
    }

    public record WorkbookFile(String fileName, byte[] content) {
    }
}
