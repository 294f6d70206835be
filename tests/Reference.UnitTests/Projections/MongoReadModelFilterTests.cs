using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Reference.Infrastructure.ReadStore.Mongo;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.TestSupport.Contracts;

namespace Reference.UnitTests.Projections;

/// <summary>What the Mongo read store sends, rendered without a server (see docs/adr/0005).</summary>
public sealed class MongoReadModelFilterTests
{
    static MongoReadModelFilterTests() => MongoReadStoreServiceCollectionExtensions.RegisterSerializers();

    private static string Render(FilterDefinition<MongoEnvelope<ContractDocument>> filter) =>
        filter.Render(new RenderArgs<MongoEnvelope<ContractDocument>>(
            BsonSerializer.LookupSerializer<MongoEnvelope<ContractDocument>>(), BsonSerializer.SerializerRegistry)).ToJson();

    private static ReadModelWrite<ContractDocument> Write(LogPosition position, LogPosition? expected = null) =>
        new(new ReadModelKey("acme", "o-1"), new ContractDocument { Name = "n" }, position, expected);

    [Fact]
    public void Reads_filter_by_tenant_and_hide_tombstones()
    {
        Assert.Equal("""{ "tenantId" : "acme", "deleted" : false }""", Render(MongoReadModelFilters.Tenant<ContractDocument>("acme")));
    }

    [Fact]
    public void A_document_is_found_by_its_tenant_leading_key_and_the_tenant_field()
    {
        Assert.Equal(
            """{ "_id" : { "t" : "acme", "i" : "o-1" }, "tenantId" : "acme", "deleted" : false }""",
            Render(MongoReadModelFilters.Document<ContractDocument>("acme", "o-1")));
    }

    [Fact]
    public void A_projection_write_is_guarded_by_the_stored_position_in_log_order()
    {
        Assert.Equal(
            """{ "_id" : { "t" : "acme", "i" : "o-1" }, "tenantId" : "acme", "$or" : [{ "tx" : { "$lt" : 7 } }, { "tx" : 7, "pos" : { "$lt" : 42 } }] }""",
            Render(MongoReadModelFilters.Guard(Write(new LogPosition(7, 42)))));
    }

    [Fact]
    public void A_redrive_write_is_compare_and_set_on_the_expected_position()
    {
        Assert.Equal(
            """{ "_id" : { "t" : "acme", "i" : "o-1" }, "tenantId" : "acme", "tx" : 7, "pos" : 40 }""",
            Render(MongoReadModelFilters.Guard(Write(new LogPosition(7, 42), new LogPosition(7, 40)))));
    }

    [Fact]
    public void Batch_loads_name_every_key_with_its_tenant()
    {
        Assert.Equal(
            """{ "_id" : { "$in" : [{ "t" : "acme", "i" : "a" }, { "t" : "globex", "i" : "a" }] } }""",
            Render(MongoReadModelFilters.Keys<ContractDocument>([new ReadModelKey("acme", "a"), new ReadModelKey("globex", "a")])));
    }

    [Fact]
    public void The_stored_envelope_carries_tenant_position_and_the_stamped_document()
    {
        var envelope = MongoReadModelFilters.Envelope(Write(new LogPosition(7, 42)));

        Assert.Equal(
            """{ "_id" : { "t" : "acme", "i" : "o-1" }, "tenantId" : "acme", "tx" : 7, "pos" : 42, "deleted" : false, "doc" : { "_id" : "o-1", "TenantId" : "acme", "Name" : "n", "Quantity" : 0 } }""",
            envelope.ToJson());
    }

    [Fact]
    public void A_delete_is_stored_as_a_tombstone_that_keeps_its_position()
    {
        var envelope = MongoReadModelFilters.Envelope(new ReadModelWrite<ContractDocument>(new ReadModelKey("acme", "o-1"), null, new LogPosition(8, 1)));

        Assert.Equal("""{ "_id" : { "t" : "acme", "i" : "o-1" }, "tenantId" : "acme", "tx" : 8, "pos" : 1, "deleted" : true }""", envelope.ToJson());
    }

    [Fact]
    public void Each_generation_has_its_own_collection()
    {
        Assert.Equal("rm_contract_document_g3", MongoReadModelStore<ContractDocument>.CollectionName(3));
    }

    [Fact]
    public void Every_collection_index_leads_with_the_tenant_and_the_declared_ones_follow_the_read_model()
    {
        var indexes = MongoReadModelIndexes.For<ContractDocument>().Select(RenderIndex).ToList();

        Assert.Equal(
            [
                ("tenant_live", """{ "tenantId" : 1, "deleted" : 1 }"""),
                ("tenant_live_name", """{ "tenantId" : 1, "deleted" : 1, "doc.Name" : 1 }"""),
                ("tenant_live_quantity_name", """{ "tenantId" : 1, "deleted" : 1, "doc.Quantity" : 1, "doc.Name" : 1 }"""),
            ],
            indexes);
    }

    private static (string Name, string Keys) RenderIndex<T>(CreateIndexModel<MongoEnvelope<T>> model)
        where T : class, IReadModel =>
        (model.Options.Name, model.Keys.Render(new RenderArgs<MongoEnvelope<T>>(
            BsonSerializer.LookupSerializer<MongoEnvelope<T>>(), BsonSerializer.SerializerRegistry)).ToJson());
}
