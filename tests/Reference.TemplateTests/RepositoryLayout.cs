namespace Reference.TemplateTests;

/// <summary>Finds the repository this test assembly was built from.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".template.config")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder with a .template.config above {AppContext.BaseDirectory}.");
    }
}
