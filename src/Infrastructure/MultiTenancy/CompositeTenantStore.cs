namespace Reference.Infrastructure.MultiTenancy;

/// <summary>Asks each store in turn; the first that knows the id wins.</summary>
public sealed class CompositeTenantStore(IReadOnlyList<ITenantStore> stores) : ITenantStore
{
    public async ValueTask<TenantInfo?> FindAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        foreach (var store in stores)
        {
            if (await store.FindAsync(tenantId, cancellationToken) is { } tenant)
            {
                return tenant;
            }
        }

        return null;
    }
}
