namespace Reference.SharedKernel.Identity;

/// <summary><see cref="ICurrentUser"/> on <see cref="AsyncLocal{T}"/>, like the tenant context.</summary>
public sealed class AmbientCurrentUser : ICurrentUser
{
    private static readonly AsyncLocal<Principal?> Current = new();

    public Principal Principal => Current.Value ?? Principal.Anonymous;

    public IDisposable BeginScope(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var previous = Current.Value;
        Current.Value = principal;
        return new Restore(previous);
    }

    private sealed class Restore(Principal? previous) : IDisposable
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
