namespace Reference.SharedKernel.Events;

/// <summary>Limits every event store enforces before writing, so adapters reject the same inputs.</summary>
public sealed record EventStoreOptions
{
    /// <summary>The largest serialized event payload accepted, in UTF-8 bytes.</summary>
    public int MaxEventPayloadBytes { get; init; } = 1024 * 1024;
}
