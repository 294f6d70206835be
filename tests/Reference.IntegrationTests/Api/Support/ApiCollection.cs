namespace Reference.IntegrationTests.Api.Support;

/// <summary>API tests share one running app; each test creates its own orders and customers.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ReferenceApiFactory>
{
    public const string Name = "api";
}
