using System.IO.Compression;

namespace Reference.TemplateTests;

/// <summary>Packs the template once for the test class into a throwaway folder and installs it into a private hive.</summary>
public sealed class TemplatePackageFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "template-pack-" + Guid.NewGuid().ToString("N")[..12]);

    internal CommandOutput? Pack { get; private set; }

    internal CommandOutput? Install { get; private set; }

    internal CommandOutput? Help { get; private set; }

    internal string? Package { get; private set; }

    internal IReadOnlyList<string> Entries { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var output = Path.Combine(_root, "packages");
        var hive = Path.Combine(_root, "hive");
        Directory.CreateDirectory(output);

        Pack = await DotNet.RunAsync(RepositoryLayout.Root, "pack", RepositoryLayout.PathOf("template-pack"), "-o", output, "-nodeReuse:false");
        Package = Directory.GetFiles(output, "*.nupkg").SingleOrDefault();
        if (!Pack.Succeeded || Package is null)
        {
            return;
        }

        using (var archive = ZipFile.OpenRead(Package))
        {
            Entries = archive.Entries.Select(entry => entry.FullName).ToList();
        }

        Install = await DotNet.RunAsync(_root, "new", "install", Package, "--debug:custom-hive", hive);
        Help = await DotNet.RunAsync(_root, "new", "cqrs-ref", "--help", "--debug:custom-hive", hive);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
