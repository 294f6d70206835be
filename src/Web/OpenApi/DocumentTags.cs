using System.Reflection;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using Reference.Features;
using Reference.Features.Shared.Http;
using Reference.Infrastructure.FeatureFlags;
using Reference.Infrastructure.Identity;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.Processes;
using Reference.Infrastructure.Projections;

namespace Reference.Web.OpenApi;

/// <summary>
/// Declares every tag the operations use, sorted, with its description: a slice's from its
/// <see cref="ApiTagAttribute"/>, the operator endpoints' from the module that maps them. A tag nobody describes
/// is declared without a description, which the document's lint test reports.
/// </summary>
internal sealed class DocumentTags : IDocumentProcessor
{
    private static readonly Dictionary<string, string> Described = FeaturesAssembly.Assembly.GetCustomAttributes<ApiTagAttribute>()
        .Select(tag => (tag.Name, tag.Description))
        .Append((Name: ProjectionAdminEndpoints.Tag, Description: ProjectionAdminEndpoints.TagDescription))
        .Append((Name: OutboxAdminEndpoints.Tag, Description: OutboxAdminEndpoints.TagDescription))
        .Append((Name: ProcessAdminEndpoints.Tag, Description: ProcessAdminEndpoints.TagDescription))
        .Append((Name: IdentityEndpoints.Tag, Description: IdentityEndpoints.TagDescription))
        .Append((Name: FeatureFlagEndpoints.Tag, Description: FeatureFlagEndpoints.TagDescription))
        .Append((Name: GraphQL.GraphQLEndpoint.Tag, Description: GraphQL.GraphQLEndpoint.TagDescription))
        .ToDictionary(tag => tag.Name, tag => tag.Description, StringComparer.Ordinal);

    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        var used = document.Operations.SelectMany(operation => operation.Operation.Tags ?? []).Distinct().Order(StringComparer.Ordinal);
        document.Tags.Clear();
        foreach (var name in used)
        {
            document.Tags.Add(new OpenApiTag { Name = name, Description = Described.GetValueOrDefault(name) });
        }
    }
}
