using System.Collections.Concurrent;
using System.Reflection;
using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Events;

/// <summary>
/// The registry of event types. Types are registered explicitly or by scanning an assembly for
/// <see cref="EventTypeAttribute"/>; a name registered twice for different types is a start-up error.
/// </summary>
public sealed class EventTypeRegistry : IEventTypeRegistry
{
    private readonly ConcurrentDictionary<string, EventTypeInfo> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, EventTypeInfo> _byType = new();

    public EventTypeRegistry Register<TEvent>(string? name = null, int? schemaVersion = null)
        where TEvent : DomainEvent => Register(typeof(TEvent), name, schemaVersion);

    public EventTypeRegistry Register(Type clrType, string? name = null, int? schemaVersion = null)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        if (!typeof(DomainEvent).IsAssignableFrom(clrType))
        {
            throw new ArgumentException($"{clrType.Name} does not derive from {nameof(DomainEvent)}.", nameof(clrType));
        }

        var attribute = clrType.GetCustomAttribute<EventTypeAttribute>();
        var info = new EventTypeInfo(
            name ?? attribute?.Name ?? clrType.Name,
            clrType,
            schemaVersion ?? attribute?.SchemaVersion ?? 1);

        var existing = _byName.GetOrAdd(info.Name, info);
        if (existing.ClrType != clrType)
        {
            throw new InvalidOperationException(
                $"Event type name '{info.Name}' is registered for both {existing.ClrType.FullName} and {clrType.FullName}.");
        }

        _byType[clrType] = info;
        return this;
    }

    /// <summary>Registers every concrete <see cref="DomainEvent"/> in <paramref name="assembly"/>.</summary>
    public EventTypeRegistry RegisterFromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && typeof(DomainEvent).IsAssignableFrom(t)))
        {
            Register(type);
        }

        return this;
    }

    public EventTypeInfo Get(Type clrType) =>
        _byType.TryGetValue(clrType, out var info) ? info : throw new UnknownEventTypeException(clrType.FullName ?? clrType.Name);

    public EventTypeInfo Get(string name) =>
        _byName.TryGetValue(name, out var info) ? info : throw new UnknownEventTypeException(name);

    public bool TryGet(string name, out EventTypeInfo? info) => _byName.TryGetValue(name, out info);
}
