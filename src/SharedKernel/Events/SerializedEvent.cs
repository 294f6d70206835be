namespace Reference.SharedKernel.Events;

/// <summary>An event ready to store: its logical type name, schema version and JSON payload.</summary>
public sealed record SerializedEvent(string EventType, int SchemaVersion, string Json);
