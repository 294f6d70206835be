using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.GraphQL;

/// <summary>The application with a recording innermost behaviour, so a test can count the use cases a GraphQL request ran.</summary>
public class GraphQLApiFactory : ReferenceApiFactory
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<SentMessages>();

        // First in the container, so outermost in the pipeline: it sees every send, cached or not.
        services.Insert(0, ServiceDescriptor.Scoped(typeof(IPipelineBehavior<,>), typeof(SendCountingBehaviour<,>)));
    }
}

/// <summary>The same application in allow-list mode: only the persisted documents run.</summary>
public sealed class AllowListGraphQLApiFactory : GraphQLApiFactory
{
    public const string CurrentTenantQuery = "{ currentTenant { id } }";

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["GraphQL:PersistedDocuments:AllowListOnly"] = "true";
        settings["GraphQL:PersistedDocuments:Documents:currentTenant"] = CurrentTenantQuery;
        return settings;
    }
}

[CollectionDefinition(Name)]
public sealed class GraphQLCollection : ICollectionFixture<GraphQLApiFactory>
{
    public const string Name = "graphql";
}
