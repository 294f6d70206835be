using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Reference.Web.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// The GraphQL schema over the slices' queries and commands (every field resolves through the mediator), its
    /// limits from <c>GraphQL</c> (validated at start-up), and the persisted documents allow-list.
    /// </summary>
    public static IServiceCollection AddReferenceGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphQLOptions>()
            .Bind(configuration.GetSection(GraphQLOptions.Section))
            .Validate(o => o.MaxDepth > 0, "GraphQL:MaxDepth must be 1 or more.")
            .Validate(o => o.MaxComplexity > 0, "GraphQL:MaxComplexity must be 1 or more.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.IntrospectionPermission), "GraphQL:IntrospectionPermission must name a permission.")
            .Validate(o => !o.PersistedDocuments.AllowListOnly || o.PersistedDocuments.Documents.Count > 0, "GraphQL:PersistedDocuments:Documents must list at least one document when GraphQL:PersistedDocuments:AllowListOnly is true.")
            .ValidateOnStart();

        foreach (var part in typeof(IGraphQLFields).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IGraphQLFields))))
        {
            services.AddSingleton(typeof(IGraphQLFields), part);
        }

        services.AddScoped<BatchLoaders>();
        services.AddTransient(typeof(EdgeGraphType<,>));
        services.AddGraphQL(builder => builder
            .AddSchema<ReferenceSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(ReferenceSchema).Assembly)
            .AddErrorInfoProvider<ReferenceErrorInfoProvider>()
            .AddComplexityAnalyzer((c, sp) =>
            {
                var limits = sp.GetRequiredService<IOptions<GraphQLOptions>>().Value;
                c.MaxDepth = limits.MaxDepth;
                c.MaxComplexity = limits.MaxComplexity;
            })

            // One request's resolvers share its scoped services (a DbContext among them), so none run in parallel.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .UsePersistedDocuments((o, sp) =>
            {
                var documents = sp.GetRequiredService<IOptions<GraphQLOptions>>().Value.PersistedDocuments;
                var byId = PersistedIds(documents.Documents);
                o.AllowOnlyPersistedDocuments = documents.AllowListOnly;
                o.AllowedPrefixes.Add(null);
                o.GetQueryDelegate = (_, prefix, payload) =>
                    ValueTask.FromResult(byId.GetValueOrDefault(prefix is null ? payload : $"{prefix}:{payload}"));
            }));
        return services;
    }

    /// <summary>Every document under its own key and under <c>sha256:</c> and the lower-case hex hash of its text.</summary>
    private static Dictionary<string, string> PersistedIds(IReadOnlyDictionary<string, string> documents)
    {
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, text) in documents)
        {
            byId[name] = text;
            byId["sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))] = text;
        }

        return byId;
    }
}
