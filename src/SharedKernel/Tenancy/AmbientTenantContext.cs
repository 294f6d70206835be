namespace Reference.SharedKernel.Tenancy;

/// <summary>
/// <see cref="ITenantContext"/> on <see cref="AsyncLocal{T}"/>: a scope opened in an async method
/// is seen by everything it awaits and restored when disposed. Safe as a singleton: it holds no
/// tenant itself, only the async-local slot.
/// </summary>
public sealed class AmbientTenantContext : ITenantContext
{
    private static readonly AsyncLocal<TenantScopeState?> Current = new();

    public string? TenantId => Current.Value?.TenantId;

    public bool IsSystemScope => Current.Value?.IsSystem ?? false;

    public string RequireTenantId() =>
        TenantId ?? throw new TenantRequiredException();

    public IDisposable BeginScope(string tenantId)
    {
        ValidateTenantId(tenantId);
        return Push(new TenantScopeState(tenantId, IsSystem: false));
    }

    public IDisposable BeginSystemScope() => Push(new TenantScopeState(null, IsSystem: true));

    private static void ValidateTenantId(string tenantId)
    {
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            throw new ArgumentException("A tenant id must not be empty.", nameof(tenantId));
        }
    }

    private static Restore Push(TenantScopeState state)
    {
        var previous = Current.Value;
        Current.Value = state;
        return new Restore(previous);
    }

    private sealed record TenantScopeState(string? TenantId, bool IsSystem);

    private sealed class Restore(TenantScopeState? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Current.Value = previous;
        }
    }
}
