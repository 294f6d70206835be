using System.Collections.Immutable;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// One consistent version of every table in a database. Immutable: committing a transaction
/// publishes a new state, so readers never see half of a commit.
/// </summary>
internal sealed class InMemoryState
{
    public static readonly InMemoryState Empty = new(ImmutableDictionary<object, object>.Empty, 0);

    private readonly ImmutableDictionary<object, object> _tables;

    private InMemoryState(ImmutableDictionary<object, object> tables, long lastTransactionId)
    {
        _tables = tables;
        LastTransactionId = lastTransactionId;
    }

    /// <summary>The id of the transaction that produced this state.</summary>
    public long LastTransactionId { get; }

    public T Get<T>(InMemoryTable<T> table)
        where T : class =>
        _tables.TryGetValue(table, out var value) ? (T)value : table.Empty;

    public InMemoryState With<T>(InMemoryTable<T> table, T value)
        where T : class =>
        new(_tables.SetItem(table, value), LastTransactionId);

    public InMemoryState WithTransactionId(long transactionId) => new(_tables, transactionId);
}
