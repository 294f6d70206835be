namespace Reference.SharedKernel.Tenancy;

/// <summary>
/// The ambient tenant of the current logical call (HTTP request, job, message). It flows with
/// async calls like a ContextVar. Middleware sets it for HTTP; background work opens a scope.
/// Domain and handler code never pass a tenant around.
/// </summary>
public interface ITenantContext
{
    /// <summary>The current tenant id, or null outside any tenant scope.</summary>
    string? TenantId { get; }

    /// <summary>True inside an explicit system scope (cross-tenant work such as projection rebuilds).</summary>
    bool IsSystemScope { get; }

    /// <summary>The current tenant, or <see cref="TenantRequiredException"/>: fail closed.</summary>
    string RequireTenantId();

    /// <summary>Runs the enclosed work as <paramref name="tenantId"/> until the scope is disposed.</summary>
    IDisposable BeginScope(string tenantId);

    /// <summary>Runs the enclosed work across all tenants. Explicit, so it can be audited and searched for.</summary>
    IDisposable BeginSystemScope();
}
