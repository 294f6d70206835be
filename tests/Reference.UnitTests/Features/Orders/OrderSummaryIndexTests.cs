using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Reference.Features.Orders;
using Reference.Infrastructure.ReadStore;
using Reference.Infrastructure.ReadStore.Mongo;

namespace Reference.UnitTests.Features.Orders;

/// <summary>The order list's filters and sorts are served by indexes that start with the tenant.</summary>
public sealed class OrderSummaryIndexTests
{
    static OrderSummaryIndexTests() => MongoReadStoreServiceCollectionExtensions.RegisterSerializers();

    [Fact]
    public void The_default_sort_each_equality_filter_and_the_row_policy_have_an_index()
    {
        var declared = ReadModelIndexes.Of<OrderSummary>().Select(i => string.Join(",", i.Properties)).ToList();

        Assert.Equal(["PlacedAt", "Status,PlacedAt", "CustomerId,PlacedAt", "PlacedBy,PlacedAt", "UpdatedAt"], declared);
    }

    [Fact]
    public void On_MongoDB_every_order_summary_index_leads_with_the_tenant()
    {
        var keys = MongoReadModelIndexes.For<OrderSummary>()
            .Select(m => m.Keys.Render(new RenderArgs<MongoEnvelope<OrderSummary>>(
                BsonSerializer.LookupSerializer<MongoEnvelope<OrderSummary>>(), BsonSerializer.SerializerRegistry)))
            .ToList();

        Assert.Equal(6, keys.Count);
        Assert.All(keys, k => Assert.Equal("tenantId", k.Names.First()));
        Assert.Contains(keys, k => k.ToJson() == """{ "tenantId" : 1, "deleted" : 1, "doc.Status" : 1, "doc.PlacedAt" : 1 }""");
    }
}
