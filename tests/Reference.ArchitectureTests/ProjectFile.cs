using System.Xml.Linq;

namespace Reference.ArchitectureTests;

/// <summary>
/// A production project file as written, so references that the compiler would drop (because no type uses them
/// yet) are still caught.
/// </summary>
internal sealed record ProjectFile(string Name, IReadOnlyList<string> PackageReferences, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> FrameworkReferences)
{
    /// <summary>Every project under src/, keyed by folder name (SharedKernel, Infrastructure, Features, Web).</summary>
    public static IReadOnlyDictionary<string, ProjectFile> InSourceFolder() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src"))
            .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
            .ToDictionary(path => Path.GetFileName(Path.GetDirectoryName(path)!), Read);

    private static ProjectFile Read(string path)
    {
        var project = XDocument.Load(path);
        IReadOnlyList<string> Includes(string itemType) =>
            project.Descendants(itemType).Select(item => (string)item.Attribute("Include")!).ToList();

        return new ProjectFile(
            Path.GetFileNameWithoutExtension(path),
            Includes("PackageReference"),
            Includes("ProjectReference").Select(reference => Path.GetFileNameWithoutExtension(reference.Replace('\\', '/'))).ToList(),
            Includes("FrameworkReference"));
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.GetFiles("*.sln").Length > 0 && Directory.Exists(Path.Combine(directory.FullName, "src")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No solution folder with a src/ folder above {AppContext.BaseDirectory}.");
    }
}
