using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Reference.Infrastructure.ReadStore.Relational;
using Reference.IntegrationTests.Projections.Support;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using Reference.TestSupport.Contracts;

namespace Reference.IntegrationTests.Projections;

/// <summary>
/// The read-model tables follow the registered types on both relational engines: declared indexes
/// are created (tenant and generation first), and a property added to a read model gets a column
/// on a table that already holds rows.
/// </summary>
public sealed class RelationalReadModelSchemaTests
{
    private readonly AmbientTenantContext _tenant = new();

    [Theory]
    [InlineData(RelationalEngine.Postgres)]
    [InlineData(RelationalEngine.Sqlite)]
    public async Task Declared_indexes_lead_with_tenant_and_generation_and_survive_a_restart(RelationalEngine engine)
    {
        var database = await RelationalReadStoreHost.NewDatabaseAsync(engine);
        await (await RelationalReadStoreHost.StartAsync(engine, database, _tenant, typeof(ContractDocument))).DisposeAsync();
        await using var restarted = await RelationalReadStoreHost.StartAsync(engine, database, _tenant, typeof(ContractDocument));

        var indexes = await IndexDefinitionsAsync(engine, database, "rm_contract_document");

        Assert.Matches(@"\(""?tenant_id""?, ""?generation""?, ""?name""?\)", indexes["ix_rm_contract_document_name"]);
        Assert.Matches(@"\(""?tenant_id""?, ""?generation""?, ""?quantity""?, ""?name""?\)", indexes["ix_rm_contract_document_quantity_name"]);
    }

    [Theory]
    [InlineData(RelationalEngine.Postgres)]
    [InlineData(RelationalEngine.Sqlite)]
    public async Task A_property_added_to_a_read_model_gets_a_column_on_the_existing_table_and_round_trips(RelationalEngine engine)
    {
        var database = await RelationalReadStoreHost.NewDatabaseAsync(engine);
        await using (var before = await RelationalReadStoreHost.StartAsync(engine, database, _tenant, typeof(GadgetV1.Gadget)))
        {
            await WriteAsync(before.Store<GadgetV1.Gadget>(), new GadgetV1.Gadget { Id = "old", TenantId = "acme", Name = "written before" }, 1);
        }

        await using var after = await RelationalReadStoreHost.StartAsync(engine, database, _tenant, typeof(GadgetV2.Gadget));
        var store = after.Store<GadgetV2.Gadget>();
        await WriteAsync(store, new GadgetV2.Gadget { Id = "new", TenantId = "acme", Name = "written after", Colour = "teal", Rating = 4, Note = "n" }, 2);

        using (_tenant.BeginScope("acme"))
        {
            var old = await store.GetAsync("old");
            var written = await store.GetAsync("new");
            Assert.Equal(("written before", "", 0, null), (old!.Name, old.Colour, old.Rating, old.Note));
            Assert.Equal(("written after", "teal", 4, "n"), (written!.Name, written.Colour, written.Rating, written.Note));
            Assert.Equal(["new"], (await store.ListAsync(q => q.Where(g => g.Colour == "teal"))).Select(g => g.Id));
        }

        Assert.Contains("ix_rm_gadget_colour", (await IndexDefinitionsAsync(engine, database, "rm_gadget")).Keys);
    }

    private static Task<bool> WriteAsync<T>(IReadModelStore<T> store, T document, long position)
        where T : class, IReadModel =>
        store.CommitAsync(new ReadModelBatch<T>(
            1, [new ReadModelWrite<T>(new ReadModelKey(document.TenantId, document.Id), document, new LogPosition(1, position))], Checkpoint: null));

    private static async Task<Dictionary<string, string>> IndexDefinitionsAsync(RelationalEngine engine, string database, string table)
    {
        await using DbConnection connection = engine == RelationalEngine.Postgres ? new NpgsqlConnection(database) : new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = engine == RelationalEngine.Postgres
            ? $"SELECT indexname, indexdef FROM pg_indexes WHERE tablename = '{table}'"
            : $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            indexes[reader.GetString(0)] = reader.GetString(1);
        }

        return indexes;
    }
}

/// <summary>A read model as first deployed.</summary>
public static class GadgetV1
{
    public sealed class Gadget : IReadModel
    {
        public string Id { get; set; } = "";

        public string TenantId { get; set; } = "";

        public string Name { get; set; } = "";
    }
}

/// <summary>The same read model (same table) after it gained properties and an index on one of them.</summary>
public static class GadgetV2
{
    public sealed class Gadget : IReadModel
    {
        public static IReadOnlyList<ReadModelIndex> Indexes { get; } = [ReadModelIndex.On(nameof(Colour))];

        public string Id { get; set; } = "";

        public string TenantId { get; set; } = "";

        public string Name { get; set; } = "";

        public string Colour { get; set; } = "";

        public int Rating { get; set; }

        public string? Note { get; set; }
    }
}
