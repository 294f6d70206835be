namespace Reference.SharedKernel.InMemory;

/// <summary>
/// A named slot of immutable state in an <see cref="InMemoryDatabase"/>. The value is replaced, never
/// mutated, so a transaction can work on its own copy and commit by swapping one reference.
/// Adapters declare their tables as static fields; the state lives in each database.
/// </summary>
public sealed class InMemoryTable<T>(string name, T empty)
    where T : class
{
    public string Name { get; } = name;

    /// <summary>The value of the table in a database that never wrote to it.</summary>
    public T Empty { get; } = empty;

    public override string ToString() => Name;
}
