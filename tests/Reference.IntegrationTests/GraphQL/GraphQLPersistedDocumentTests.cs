using System.Security.Cryptography;
using System.Text;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.GraphQL.GraphQLClient;

namespace Reference.IntegrationTests.GraphQL;

/// <summary>Allow-list mode: only the configured documents run, named by key or by the hash of their text.</summary>
public sealed class GraphQLPersistedDocumentTests(AllowListGraphQLApiFactory api) : IClassFixture<AllowListGraphQLApiFactory>
{
    [Fact]
    public async Task Only_persisted_documents_run()
    {
        var admin = api.As("ops@acme", ReferenceApiFactory.Acme, "platform-admin");
        Assert.Equal(["persisted-document-required"], ErrorCodes(await PostAsync(admin, "{ orders { totalCount } }")));
        Assert.Equal(["persisted-document-not-found"], ErrorCodes(await PostDocumentIdAsync(admin, "sha256:" + new string('0', 64))));

        Assert.Equal("acme", Data(await PostDocumentIdAsync(admin, "currentTenant"), "currentTenant").GetProperty("id").GetString());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AllowListGraphQLApiFactory.CurrentTenantQuery)));
        Assert.Equal("acme", Data(await PostDocumentIdAsync(admin, "sha256:" + hash), "currentTenant").GetProperty("id").GetString());
    }
}
