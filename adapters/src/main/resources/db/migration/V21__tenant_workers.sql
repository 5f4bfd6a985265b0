-- One row per tenant, locked (SELECT ... FOR UPDATE) by every claim of that tenant's chunks, so
-- that claims on concurrent nodes count the tenant's workers in use one after another and never
-- spend the same free worker twice. Nothing else locks these rows; claims create them on demand.
CREATE TABLE tenant_workers (
    tenant VARCHAR(63) NOT NULL PRIMARY KEY
);
