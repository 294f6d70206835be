using Npgsql;
using Reference.Infrastructure.Locks;
using Reference.SharedKernel.Tenancy;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Locks;

/// <summary>
/// Nodes starting together on a fresh database all create the lease table on their first acquisition; each must
/// take the other's table as its own, not fail its first lock.
/// </summary>
public sealed class PostgresLockSchemaRaceTests
{
    [Fact]
    public async Task Twenty_nodes_acquiring_their_first_lock_at_once_on_a_fresh_database_all_get_it()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("lock-schema-race");
        var nodes = new List<PostgresDistributedLock>();
        try
        {
            var tenants = new AmbientTenantContext();
            for (var i = 0; i < 20; i++)
            {
                nodes.Add(new PostgresDistributedLock(NpgsqlDataSource.Create(connectionString), tenants));
            }

            using var scope = tenants.BeginScope("acme");
            using var start = new SemaphoreSlim(0);
            var acquisitions = nodes.Select(async (node, i) =>
            {
                await start.WaitAsync();
                return await node.TryAcquireAsync($"resource-{i}", TimeSpan.FromSeconds(30));
            }).ToList();
            start.Release(nodes.Count);

            var leases = await Task.WhenAll(acquisitions);

            Assert.All(leases, Assert.NotNull);
            foreach (var lease in leases)
            {
                await lease!.DisposeAsync();
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            await PostgresServer.Instance.DropDatabaseAsync(connectionString);
        }
    }
}
