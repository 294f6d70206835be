using GraphQL.Types;

namespace Reference.Web.GraphQL;

/// <summary>
/// One slice's part of the schema: the root fields it adds. Every implementation in this assembly is picked up, so a
/// slice's GraphQL folder can be removed (or added) without touching the schema.
/// </summary>
public interface IGraphQLFields
{
    void AddQueries(ObjectGraphType query);

    void AddMutations(ObjectGraphType mutation);
}
