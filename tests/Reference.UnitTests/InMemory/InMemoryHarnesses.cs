using Reference.SharedKernel.InMemory;
using Reference.TestSupport.Contracts;
using Reference.TestSupport.Contracts.EventStore;

namespace Reference.UnitTests.InMemory;

/// <summary>Builds the contract harnesses from one set of in-memory adapters.</summary>
internal static class InMemoryHarnesses
{
    public static EventStoreHarness EventStore(TimeProvider time)
    {
        var adapters = new InMemoryAdapters(ContractEvents.Serializer(), time);
        return new EventStoreHarness(adapters.CreateEventStore, adapters.UnitOfWork, adapters.Outbox);
    }
}
