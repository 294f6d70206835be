namespace Reference.SharedKernel.Events;

/// <summary>One registered event type: its logical name, CLR type and current schema version.</summary>
public sealed record EventTypeInfo(string Name, Type ClrType, int SchemaVersion);
