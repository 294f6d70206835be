namespace Reference.ArchitectureTests;

/// <summary>
/// Web is the only composition root: it references every project and no production project references it
/// (a reference from a project Web already references would be a cycle the build rejects anyway).
/// </summary>
public sealed class CompositionRootRules
{
    [Fact]
    public void No_production_project_other_than_web_references_web()
    {
        var referencingWeb = ProjectFile.InSourceFolder()
            .Where(project => project.Key != "Web")
            .Where(project => project.Value.ProjectReferences.Contains(Solution.WebNamespace))
            .Select(project => project.Value.Name)
            .ToList();

        Assert.True(referencingWeb.Count == 0, $"Projects referencing Web: {string.Join(", ", referencingWeb)}.");
    }

    [Fact]
    public void Web_references_every_other_production_project()
    {
        var projects = ProjectFile.InSourceFolder();
        var webReferences = projects["Web"].ProjectReferences;

        var notReferenced = projects
            .Where(project => project.Key != "Web")
            .Select(project => project.Value.Name)
            .Where(name => !webReferences.Contains(name))
            .ToList();

        Assert.True(notReferenced.Count == 0, $"Web does not reference: {string.Join(", ", notReferenced)}.");
    }
}
