using Reference.SharedKernel.InMemory;
using Reference.TestSupport.Contracts;
using Reference.TestSupport.Contracts.EventStore;
using Reference.TestSupport.Contracts.Outbox;

namespace Reference.UnitTests.InMemory;

/// <summary>Builds the contract harnesses from one set of in-memory adapters.</summary>
internal static class InMemoryHarnesses
{
    public static EventStoreHarness EventStore(TimeProvider time)
    {
        var adapters = new InMemoryAdapters(ContractEvents.Serializer(), time);
        return new EventStoreHarness(adapters.CreateEventStore, adapters.UnitOfWork, adapters.Outbox);
    }

    public static OutboxHarness Outbox(TimeProvider time)
    {
        var adapters = new InMemoryAdapters(ContractEvents.Serializer(), time);
        return new OutboxHarness(adapters.Outbox, adapters.UnitOfWork);
    }
}
