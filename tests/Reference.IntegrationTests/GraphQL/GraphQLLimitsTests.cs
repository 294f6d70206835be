using System.Net;
using System.Net.Http.Json;
using System.Text;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.GraphQL.GraphQLClient;

namespace Reference.IntegrationTests.GraphQL;

/// <summary>What a hostile or unauthorised document gets from <c>POST /graphql</c>: a GraphQL error with a code, never a 500 or a hang.</summary>
[Collection(GraphQLCollection.Name)]
public sealed class GraphQLLimitsTests(GraphQLApiFactory api)
{
    [Fact]
    public async Task A_document_deeper_than_max_depth_is_refused_introspection_included()
    {
        // Nine levels: over the default GraphQL:MaxDepth of 8, even for a caller who may introspect.
        const string Deep = """{ __type(name: "Order") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }""";
        Assert.Equal(["query-too-complex"], ErrorCodes(await PostAsync(api.Admin(), Deep)));

        var answer = await PostAsync(api.Sales(), "{ orders { nodes { customer { name } } pageInfo { hasNextPage } } }");
        Assert.Empty(ErrorCodes(answer));
    }

    [Fact]
    public async Task Wide_and_huge_page_documents_are_refused_before_anything_runs()
    {
        var wide = "{ " + string.Concat(Enumerable.Range(0, 300).Select(i => $"o{i}: orders(first: 100) {{ nodes {{ id total status }} }} ")) + "}";
        Assert.Equal(["query-too-complex"], ErrorCodes(await PostAsync(api.Sales(), wide)));

        Assert.Equal(["query-too-complex"], ErrorCodes(await PostAsync(api.Sales(), "{ orders(first: 2000000000) { nodes { id customer { name } } } }")));

        // Cheap enough to run, but over the list module's page size: its own error, as REST gives it.
        Assert.Equal(["page-size-too-large"], ErrorCodes(await PostAsync(api.Sales(), "{ orders(first: 101) { totalCount } }")));
    }

    [Fact]
    public async Task Documents_that_are_not_graphql_are_errors_with_a_code()
    {
        Assert.Equal(["malformed-request"], ErrorCodes(await PostAsync(api.Sales(), "{ orders { ")));
        Assert.Equal(["validation-failed"], ErrorCodes(await PostAsync(api.Sales(), "{ orders { nope } }")));

        var notJson = await api.Sales().PostAsync("/graphql", new StringContent("{", Encoding.UTF8, "application/json"));
        await notJson.AssertProblemAsync(HttpStatusCode.BadRequest, "https://reference.example/problems/malformed-request");
    }

    [Fact]
    public async Task Introspection_outside_development_needs_the_permission()
    {
        const string Introspect = "{ __schema { queryType { name } } }";
        Assert.Equal(["forbidden"], ErrorCodes(await PostAsync(api.Sales(), Introspect)));

        var permitted = api.WithToken(TestTokens.Create("dev@acme", ReferenceApiFactory.Acme, ["sales"], ["graphql.introspect"]));
        Assert.Equal("Query", Data(await PostAsync(permitted, Introspect), "__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthenticated()
    {
        var response = await api.Anonymous().PostAsJsonAsync("/graphql", new { query = "{ orders { totalCount } }" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
