using GraphQL.Types;

namespace Reference.Web.GraphQL;

/// <summary>The schema: <c>Query</c> and <c>Mutation</c> assembled from every <see cref="IGraphQLFields"/>.</summary>
public sealed class ReferenceSchema : Schema
{
    public ReferenceSchema(IServiceProvider services, IEnumerable<IGraphQLFields> parts)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        var mutation = new ObjectGraphType { Name = "Mutation" };
        foreach (var part in parts)
        {
            part.AddQueries(query);
            part.AddMutations(mutation);
        }

        Query = query;
        if (mutation.Fields.Count > 0)
        {
            Mutation = mutation;
        }
    }
}
