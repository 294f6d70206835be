using Reference.SharedKernel.Application;
using Reference.SharedKernel.Tenancy;

namespace Reference.Features.Tenants;

/// <summary>The expected failures of tenant administration, each with a stable code.</summary>
public static class TenantErrors
{
    public const string Resource = "tenant";

    public static Error For(TenantChange change, string tenantId) => change switch
    {
        TenantChange.AlreadyExists => Error.AlreadyExists(Resource, tenantId),
        TenantChange.NotFound => Error.NotFound(Resource, tenantId),
        TenantChange.DefinedInConfiguration => Error.RuleViolated(
            "tenant.read_only",
            $"Tenant '{tenantId}' is defined in configuration (MultiTenancy:Tenants) and can only be changed there."),
        TenantChange.NoWritableStore => Error.RuleViolated(
            "tenant.store_read_only",
            "Tenants can only be created when MultiTenancy:Stores includes Database."),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Not a failure."),
    };
}
