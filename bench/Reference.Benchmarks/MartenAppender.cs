using JasperFx;
using JasperFx.Events;
using Marten;

namespace Reference.Benchmarks;

/// <summary>Marten's event store in quick-append mode, System.Text.Json, in a schema of its own.</summary>
public sealed class MartenAppender : IAppender
{
    private readonly DocumentStore _store;

    private MartenAppender(DocumentStore store) => _store = store;

    public string Name => "Marten quick append";

    public static async Task<MartenAppender> StartAsync(string connectionString)
    {
        var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = "marten_bench";
            options.Events.AppendMode = EventAppendMode.Quick;
            options.UseSystemTextJsonForSerialization();
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.AddEventType<ItemAdded>();
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new MartenAppender(store);
    }

    public Task<Func<int, Task>> CreateWriterAsync(int writer, int batchSize)
    {
        var streamId = Guid.NewGuid();
        Func<int, Task> append = async round =>
        {
            await using var session = _store.LightweightSession();
            var events = new object[batchSize];
            for (var i = 0; i < batchSize; i++)
            {
                events[i] = new ItemAdded($"sku-{round}-{i}", i + 1, 9.99m);
            }

            session.Events.Append(streamId, events);
            await session.SaveChangesAsync();
        };
        return Task.FromResult(append);
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
