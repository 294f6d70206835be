namespace Reference.SharedKernel.Events;

/// <summary>
/// Gives an event a stable logical name (stored instead of the CLR name, so classes can be renamed
/// and moved) and its current schema version (raised when the JSON shape changes; older shapes are
/// upcast on read).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name, int schemaVersion = 1) : Attribute
{
    public string Name { get; } = name;

    public int SchemaVersion { get; } = schemaVersion;
}
