namespace Reference.Infrastructure.Locks;

/// <summary>The <c>Locks</c> section: where <c>IDistributedLock</c> keeps its leases.</summary>
public sealed class LocksOptions
{
    public const string Section = "Locks";

    /// <summary><see cref="LockProvider.Memory"/> (one node), <see cref="LockProvider.Redis"/> or <see cref="LockProvider.Postgres"/>.</summary>
    public string Provider { get; set; } = nameof(LockProvider.Memory);

    public bool TryGetProvider(out LockProvider provider) =>
        Enum.TryParse(Provider, ignoreCase: true, out provider) && Enum.IsDefined(provider);
}

public enum LockProvider
{
    Memory,
    Redis,
    Postgres,
}
