using System.Collections.Concurrent;
using GraphQL.DataLoader;

namespace Reference.Web.GraphQL;

/// <summary>
/// The batch loaders of one GraphQL request (scoped). A resolver asks for a key and gets a pending result; the
/// executer completes the whole level first, so the first pending result it awaits fetches every key asked for by
/// then, once each. That is what keeps <c>orders { customer { name } }</c> from sending one query per order.
/// </summary>
public sealed class BatchLoaders
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(string name, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(fetch));
}

/// <summary>Collects keys and fetches the ones not yet loaded in one call when a result is first awaited.</summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue?> _loaded = [];

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_pending)
        {
            if (!_loaded.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }

        return new Pending(this, key);
    }

    private async Task<TValue?> ResultAsync(TKey key, CancellationToken cancellationToken)
    {
        // The executer completes pending results one at a time (serial strategy), so no two fetches overlap.
        TKey[] keys;
        lock (_pending)
        {
            keys = [.. _pending];
            _pending.Clear();
        }

        if (keys.Length > 0)
        {
            var fetched = await fetch(keys, cancellationToken);
            foreach (var k in keys)
            {
                _loaded[k] = fetched.TryGetValue(k, out var value) ? value : default;
            }
        }

        return _loaded.GetValueOrDefault(key);
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.ResultAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
