using Reference.SharedKernel.InMemory;
using Reference.SharedKernel.Ports;
using Reference.TestSupport.Contracts;
using Reference.TestSupport.Contracts.Audit;
using Reference.TestSupport.Contracts.Blobs;
using Reference.TestSupport.Contracts.Caching;
using Reference.TestSupport.Contracts.Locking;
using Reference.TestSupport.Contracts.Messaging;
using Reference.TestSupport.Contracts.Notifications;

namespace Reference.UnitTests.InMemory;

public sealed class InMemoryCacheContract : CacheContractTests
{
    protected override Task<ICache> CreatePortAsync(TimeProvider time) =>
        Task.FromResult<ICache>(new InMemoryCache(ContractScopes.Tenants, time));
}

public sealed class InMemoryDistributedLockContract : DistributedLockContractTests
{
    protected override Task<IDistributedLock> CreatePortAsync(TimeProvider time) =>
        Task.FromResult<IDistributedLock>(new InMemoryDistributedLock(ContractScopes.Tenants, time));
}

public sealed class InMemoryBlobStorageContract : BlobStorageContractTests
{
    protected override Task<IBlobStorage> CreatePortAsync(TimeProvider time) =>
        Task.FromResult<IBlobStorage>(new InMemoryBlobStorage(ContractScopes.Tenants));
}

public sealed class InMemoryMessageBrokerContract : MessageBrokerContractTests
{
    protected override Task<IMessageBroker> CreatePortAsync(TimeProvider time) =>
        Task.FromResult<IMessageBroker>(new InMemoryAdapters(ContractEvents.Serializer(), time).Broker);
}

public sealed class InMemoryNotificationSenderContract : NotificationSenderContractTests
{
    protected override Task<NotificationSenderHarness> CreatePortAsync(TimeProvider time)
    {
        var sender = new InMemoryNotificationSender(ContractScopes.Tenants, time);
        return Task.FromResult(new NotificationSenderHarness(sender, () =>
        {
            using var all = ContractScopes.SystemScope();
            return Task.FromResult(sender.Sent());
        }));
    }
}

public sealed class InMemoryAuditTrailContract : AuditTrailContractTests
{
    protected override Task<AuditTrailHarness> CreatePortAsync(TimeProvider time)
    {
        var adapters = new InMemoryAdapters(ContractEvents.Serializer(), time);
        var database = adapters.Database;
        return Task.FromResult(new AuditTrailHarness(
            adapters.AuditTrail,
            adapters.UnitOfWork,
            (tenantId, edit) => database.WriteAsync(transaction =>
            {
                var chains = transaction.Get(InMemoryAuditTrail.Chains);
                transaction.Set(InMemoryAuditTrail.Chains, chains.SetItem(tenantId, [.. edit(chains.GetValueOrDefault(tenantId, []))]));
                return true;
            })));
    }
}
