using Reference.SharedKernel.Tenancy;

namespace Reference.TestSupport.Contracts;

/// <summary>Tenant scopes and isolated flows for contract tests.</summary>
public static class ContractScopes
{
    public static readonly AmbientTenantContext Tenants = new();

    /// <summary>A tenant id no other test uses, so contracts hold on a shared database too.</summary>
    public static string NewTenant() => "tenant-" + Guid.NewGuid().ToString("N")[..12];

    public static string NewStreamId(string prefix = "stream") => prefix + "-" + Guid.NewGuid().ToString("N");

    public static IDisposable Tenant(string tenantId) => Tenants.BeginScope(tenantId);

    public static IDisposable SystemScope() => Tenants.BeginSystemScope();

    /// <summary>
    /// Runs <paramref name="work"/> in a flow that inherits nothing from the caller: no tenant, no
    /// unit of work. This is how a test plays "somebody else" while the caller holds a transaction.
    /// </summary>
    public static async Task<T> Outside<T>(Func<Task<T>> work)
    {
        Task<T> task;
        using (ExecutionContext.SuppressFlow())
        {
            task = Task.Run(work);
        }

        return await task;
    }

    /// <summary>Runs <paramref name="work"/> as <paramref name="tenantId"/> in a flow isolated from the caller.</summary>
    public static Task<T> OutsideAs<T>(string tenantId, Func<Task<T>> work) =>
        Outside(async () =>
        {
            using var scope = Tenant(tenantId);
            return await work();
        });
}
