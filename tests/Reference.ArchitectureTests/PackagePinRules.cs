using System.Xml.Linq;

namespace Reference.ArchitectureTests;

/// <summary>
/// Central package management pins versions; a pin nothing references is a dependency the solution only pretends
/// to have (it is still restored by tools, audited, and read as part of the stack). Every
/// <c>Directory.Packages.props</c> may pin only packages that a project below its own folder references.
/// </summary>
public sealed class PackagePinRules
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "TestResults", ".git"];

    [Fact]
    public void Every_pinned_package_is_referenced_by_a_project_under_the_pinning_file()
    {
        var root = ProjectFile.RepositoryRoot();
        var unreferenced = FilesNamed(root, "Directory.Packages.props")
            .SelectMany(props =>
            {
                var referenced = FilesNamed(Path.GetDirectoryName(props)!, "*.csproj")
                    .SelectMany(project => Includes(project, "PackageReference"))
                    .ToHashSet(StringComparer.OrdinalIgnoreCase);
                return Includes(props, "PackageVersion")
                    .Where(package => !referenced.Contains(package))
                    .Select(package => $"{package} ({Path.GetRelativePath(root, props)})");
            })
            .ToList();

        Assert.True(unreferenced.Count == 0, $"Pinned but referenced by no project: {string.Join(", ", unreferenced)}.");
    }

    [Fact]
    public void The_rule_reads_the_pins_and_references_it_checks()
    {
        // Guards the rule above against passing vacuously (a renamed file or element would match nothing).
        var root = ProjectFile.RepositoryRoot();

        Assert.Contains("FastEndpoints", Includes(Path.Combine(root, "Directory.Packages.props"), "PackageVersion"));
        Assert.Contains("FastEndpoints", Includes(Path.Combine(root, "src", "Web", "Reference.Web.csproj"), "PackageReference"));
    }

    private static IEnumerable<string> FilesNamed(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains));

    private static IEnumerable<string> Includes(string path, string itemType) =>
        XDocument.Load(path).Descendants(itemType)
            .Select(item => (string?)item.Attribute("Include"))
            .OfType<string>();
}
