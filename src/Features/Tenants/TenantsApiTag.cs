using Reference.Features.Shared.Http;

[assembly: ApiTag("Tenants", "Platform administration of tenants across every tenant store: list, read, create, deactivate " +
    "and reactivate. These requests carry no tenant; permissions `platform.tenants.read`, `platform.tenants.manage`.")]
