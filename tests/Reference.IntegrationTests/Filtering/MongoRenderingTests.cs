using MongoDB.Driver;
using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Filtering;

/// <summary>
/// MongoDB's LINQ provider renders every filter to MQL without a server, so translatability is checked on every
/// machine. The rendered query must be plain MQL operators: no server-side JavaScript, nothing left for the client.
/// </summary>
public sealed class MongoRenderingTests
{
    private static readonly IMongoCollection<TestOrder> Orders = CreateOfflineCollection();

    [Theory]
    [MemberData(nameof(FilterCases.All), MemberType = typeof(FilterCases))]
    public void Every_filter_renders_to_plain_MQL(string filter, string expected)
    {
        _ = expected;
        var mql = MongoFilteringModel.Render(TestOrderFields.Map.ToPredicate(filter)!).ToString();

        Assert.DoesNotContain("$where", mql, StringComparison.Ordinal);
        Assert.DoesNotContain("$function", mql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status=active", """{ "Status" : 1 }""")]
    [InlineData("lines.sku=SKU-1", """{ "Lines" : { "$elemMatch" : { "Sku" : "SKU-1" } } }""")]
    [InlineData("lines.sku!=SKU-1", """{ "Lines" : { "$not" : { "$elemMatch" : { "Sku" : "SKU-1" } } } }""")]
    [InlineData("(lines.sku=SKU-1,lines.qty>=3)", """{ "Lines" : { "$elemMatch" : { "Sku" : "SKU-1", "Quantity" : { "$gte" : 3 } } } }""")]
    [InlineData("createdAt=2024-01-05", """{ "CreatedAt" : { "$gte" : { "$date" : "2024-01-05T00:00:00Z" }, "$lt" : { "$date" : "2024-01-06T00:00:00Z" } } }""")]
    [InlineData("status=[active;shipped]", """{ "Status" : { "$in" : [1, 2] } }""")]
    [InlineData("title=*ORDER/i", """{ "$and" : [{ "Title" : { "$ne" : null } }, { "Title" : { "$regularExpression" : { "pattern" : "order", "options" : "is" } } }] }""")]
    [InlineData("status=active|status=shipped,total<100", """{ "$or" : [{ "Status" : 1 }, { "Status" : 2, "Total" : { "$lt" : { "$numberDecimal" : "100" } } }] }""")]
    public void Filter_renders_to_the_expected_MQL(string filter, string mql) =>
        Assert.Equal(mql, MongoFilteringModel.Render(TestOrderFields.Map.ToPredicate(filter)!).ToString());

    [Fact]
    public void Tenant_and_authorization_are_matched_before_the_user_filter_in_the_pipeline()
    {
        var constraints = ListConstraints<TestOrder>.ForTenant(TestOrders.TenantA, o => o.OwnerId == "u1");
        var plan = Orders.AsQueryable().ToListPlan(
            new ListQuery(Filter: "number=1|number>0", Sort: "-total", PageSize: 5),
            TestOrderFields.Map, constraints);

        var pipeline = plan.PageQuery.ToString()!;

        var tenant = pipeline.IndexOf("""{ "$match" : { "TenantId" : "tenant-a" } }""", StringComparison.Ordinal);
        var owner = pipeline.IndexOf("""{ "$match" : { "OwnerId" : "u1" } }""", StringComparison.Ordinal);
        var user = pipeline.IndexOf("""{ "$match" : { "$or" : [{ "Number" : 1 }, { "Number" : { "$gt" : 0 } }] } }""", StringComparison.Ordinal);
        Assert.True(tenant >= 0 && owner > tenant && user > owner, pipeline);
        Assert.Contains("""{ "$sort" : { "Total" : -1, "_id" : 1 } }""", pipeline, StringComparison.Ordinal);
        Assert.Contains("""{ "$limit" : 6 }""", pipeline, StringComparison.Ordinal);
    }

    private static IMongoCollection<TestOrder> CreateOfflineCollection()
    {
        _ = MongoFilteringModel.Serializer;

        // Rendering needs a collection but no server: nothing is sent until a query executes.
        var settings = MongoClientSettings.FromConnectionString("mongodb://127.0.0.1:27017/?connect=direct");
        return new MongoClient(settings).GetDatabase("reference_filtering").GetCollection<TestOrder>("orders");
    }
}
