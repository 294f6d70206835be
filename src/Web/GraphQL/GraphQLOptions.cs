namespace Reference.Web.GraphQL;

/// <summary>The <c>GraphQL</c> section: the limits every document is checked against before anything runs.</summary>
public sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>The deepest selection a document may nest, introspection included.</summary>
    public int MaxDepth { get; set; } = 8;

    /// <summary>The most a document may cost: each field 1, a list field times its <c>first</c> (or 5 without it).</summary>
    public int MaxComplexity { get; set; } = 5000;

    /// <summary>Held by a caller who may introspect the schema outside Development.</summary>
    public string IntrospectionPermission { get; set; } = "graphql.introspect";

    public PersistedDocumentsOptions PersistedDocuments { get; set; } = new();
}

/// <summary>
/// <c>GraphQL:PersistedDocuments</c>: the documents a client may name by id (<c>documentId</c> = the key, or
/// <c>sha256:</c> and the hash of the text). With <see cref="AllowListOnly"/>, nothing else runs.
/// </summary>
public sealed class PersistedDocumentsOptions
{
    public bool AllowListOnly { get; set; }

    public Dictionary<string, string> Documents { get; set; } = [];
}
