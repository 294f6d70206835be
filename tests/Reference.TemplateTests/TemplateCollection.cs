namespace Reference.TemplateTests;

[CollectionDefinition(Name)]
public sealed class TemplateCollection : ICollectionFixture<TemplateWorkspace>
{
    /// <summary>Tests that generate solutions share one sandbox and run one at a time: each build already uses every core.</summary>
    public const string Name = "Generated solutions";
}
