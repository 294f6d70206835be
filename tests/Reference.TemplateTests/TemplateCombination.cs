namespace Reference.TemplateTests;

/// <summary>One choice of every <c>dotnet new cqrs-ref</c> option that changes what is generated.</summary>
public sealed record TemplateCombination(string ReadStore, string Database, bool Samples)
{
    /// <summary>What <c>dotnet new cqrs-ref</c> chooses when no option is given.</summary>
    public static TemplateCombination Defaults { get; } = new("mongo", "postgres", Samples: true);

    /// <summary>The combination the minimal solution (Contoso.Billing) is generated with.</summary>
    public static TemplateCombination Minimal { get; } = new("postgres", "sqlite", Samples: false);

    /// <summary>Every combination: <c>--read-store</c> × <c>--database</c> × <c>--samples</c>.</summary>
    public static IReadOnlyList<TemplateCombination> All { get; } =
    [
        .. from samples in new[] { true, false }
           from readStore in new[] { "mongo", "postgres" }
           from database in new[] { "postgres", "sqlite" }
           select new TemplateCombination(readStore, database, samples),
    ];

    /// <summary>The production providers appsettings.json names for these options.</summary>
    public string PersistenceProvider => Database == "sqlite" ? "Sqlite" : "Postgres";

    public string ReadStoreProvider => ReadStore == "postgres" ? "Relational" : "Mongo";

    public string[] Options => ["--read-store", ReadStore, "--database", Database, "--samples", Samples ? "true" : "false"];

    /// <summary>A folder name for the generated solution.</summary>
    public string Slug => $"{ReadStore}-{Database}-{(Samples ? "samples" : "no-samples")}";

    public override string ToString() => string.Join(' ', Options);
}
