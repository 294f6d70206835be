namespace Reference.TemplateTests;

/// <summary>
/// A throwaway folder holding a snapshot of the repository, a private template hive with both templates
/// installed from that snapshot, and room for generated solutions. Deleted on dispose.
/// </summary>
internal sealed class TemplateSandbox : IDisposable
{
    // Never part of a template: build output, VCS data, local state.
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", "bin", "obj", "TestResults", ".vs", ".idea", "BenchmarkDotNet.Artifacts", "App_Data", "node_modules",
    };

    private static readonly string[] SkippedExtensions = [".db", ".db-shm", ".db-wal", ".trx", ".user"];

    private TemplateSandbox(string root)
    {
        Root = root;
        Source = Path.Combine(root, "source");
        Hive = Path.Combine(root, "hive");
        Output = Path.Combine(root, "out");
    }

    public string Root { get; }

    public string Source { get; }

    public string Hive { get; }

    public string Output { get; }

    public static async Task<TemplateSandbox> CreateAsync()
    {
        var sandbox = new TemplateSandbox(Path.Combine(Path.GetTempPath(), "template-tests-" + Guid.NewGuid().ToString("N")[..12]));
        CopyRepository(RepositoryLayout.Root, sandbox.Source);
        Directory.CreateDirectory(sandbox.Output);

        await sandbox.InstallAsync(sandbox.Source);
        await sandbox.InstallAsync(Path.Combine(sandbox.Source, "templates", "cqrs-slice"));
        return sandbox;
    }

    /// <summary>Runs <c>dotnet new</c> against the private hive.</summary>
    public Task<CommandOutput> NewAsync(string workingDirectory, params string[] arguments) =>
        DotNet.RunAsync(workingDirectory, ["new", .. arguments, "--debug:custom-hive", Hive]);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private async Task InstallAsync(string templateFolder)
    {
        var result = await NewAsync(Output, "install", templateFolder);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }

    private static void CopyRepository(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            if (!SkippedExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (!SkippedDirectories.Contains(name) && !(name == "results" && Path.GetFileName(from) == "bench"))
            {
                CopyRepository(directory, Path.Combine(to, name));
            }
        }
    }
}
