using Reference.Features.Shared.Http;

[assembly: ApiTag("Audit", "The caller's tenant's hash-chained audit trail: list its records and verify the chain. " +
    "Permission `audit.read`.")]
