using Microsoft.Extensions.Time.Testing;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.TestSupport.Contracts.EventStore;

/// <summary>Shared set-up of the event store and unit of work contracts: one harness per test.</summary>
public abstract class EventStoreContractBase : IAsyncLifetime
{
    private EventStoreHarness? _harness;
    private IEventStore? _store;

    /// <summary>A small limit so the payload test stays cheap; adapters must build stores with the options given.</summary>
    protected static EventStoreOptions Options { get; } = new() { MaxEventPayloadBytes = 4 * 1024 };

    /// <summary>The clock adapters must use. Starts at a fixed instant and moves only when a test advances it.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));

    protected EventStoreHarness Harness => _harness ?? throw new InvalidOperationException("The harness is created in InitializeAsync.");

    /// <summary>The store under test, configured with <see cref="ContractEvents.Serializer"/>.</summary>
    protected IEventStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected IUnitOfWork UnitOfWork => Harness.UnitOfWork;

    /// <summary>
    /// Creates the ports under test over one database that holds no data of this test yet, reading
    /// time from <paramref name="time"/>.
    /// </summary>
    protected abstract Task<EventStoreHarness> CreateHarnessAsync(TimeProvider time);

    public async Task InitializeAsync()
    {
        _harness = await CreateHarnessAsync(Time);
        _store = _harness.CreateEventStore(ContractEvents.Serializer(), Options);
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    protected static async Task<List<StoredEvent>> ReadAsync(
        IEventStore store,
        string streamId,
        StreamDirection direction = StreamDirection.Forward,
        long fromVersion = 0,
        int maxCount = int.MaxValue)
    {
        var events = new List<StoredEvent>();
        await foreach (var stored in store.ReadStreamAsync(streamId, direction, fromVersion, maxCount))
        {
            events.Add(stored);
        }

        return events;
    }

    protected Task<List<StoredEvent>> ReadAsync(string streamId, StreamDirection direction = StreamDirection.Forward, long fromVersion = 0, int maxCount = int.MaxValue) =>
        ReadAsync(Store, streamId, direction, fromVersion, maxCount);

    /// <summary>Reads the whole global log visible in the current scope, page by page.</summary>
    protected async Task<List<StoredEvent>> ReadAllAsync(int pageSize = 100, LogPosition? after = null)
    {
        var events = new List<StoredEvent>();
        var position = after ?? LogPosition.Start;
        while (true)
        {
            var page = await Store.ReadAllAsync(position, pageSize);
            if (page.Count == 0)
            {
                return events;
            }

            Assert.True(page.Next > position, "A page with events must move the checkpoint forward.");
            events.AddRange(page.Events);
            position = page.Next;
        }
    }

    protected Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, params DomainEvent[] events) =>
        Store.AppendAsync(streamId, "contract-stream", expected, events);

    protected static DomainEvent[] Items(int count, string prefix = "item") =>
        Enumerable.Range(1, count).Select(i => (DomainEvent)ContractEvents.Added($"{prefix}-{i}", i)).ToArray();
}
