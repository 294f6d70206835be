namespace Reference.SharedKernel.Ports;

/// <summary>An aggregate's serialized state at a stream version, tagged with the state's schema version.</summary>
public sealed record Snapshot(string StreamId, string SnapshotType, long Version, int SchemaVersion, string Data);
