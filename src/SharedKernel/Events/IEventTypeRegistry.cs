namespace Reference.SharedKernel.Events;

/// <summary>Maps logical event names to CLR types and back.</summary>
public interface IEventTypeRegistry
{
    /// <summary>The registration for a CLR type, or <see cref="UnknownEventTypeException"/>.</summary>
    EventTypeInfo Get(Type clrType);

    /// <summary>The registration for a stored name, or <see cref="UnknownEventTypeException"/>.</summary>
    EventTypeInfo Get(string name);

    bool TryGet(string name, out EventTypeInfo? info);
}
