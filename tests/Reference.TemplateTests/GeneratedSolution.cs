using System.Text.RegularExpressions;

namespace Reference.TemplateTests;

/// <summary>
/// A solution generated from the cqrs-ref template, built, with its unit and architecture tests run; every
/// step's output is kept so the tests only assert on it.
/// </summary>
internal sealed partial class GeneratedSolution
{
    private GeneratedSolution(string name, string folder, CommandOutput instantiation)
    {
        Name = name;
        Folder = folder;
        Instantiation = instantiation;
    }

    public string Name { get; }

    public string Folder { get; }

    public CommandOutput Instantiation { get; }

    public CommandOutput? Build { get; private set; }

    public CommandOutput? UnitTests { get; private set; }

    public CommandOutput? ArchitectureTests { get; private set; }

    public static async Task<GeneratedSolution> CreateAsync(TemplateSandbox sandbox, string name, params string[] options)
    {
        var folder = Path.Combine(sandbox.Output, name);
        var instantiation = await sandbox.NewAsync(sandbox.Output, ["cqrs-ref", "--name", name, "--output", folder, .. options]);
        var solution = new GeneratedSolution(name, folder, instantiation);
        if (!instantiation.Succeeded)
        {
            return solution;
        }

        solution.Build = await DotNet.RunAsync(folder, "build", $"{name}.sln", "-warnaserror", "-nodeReuse:false");
        if (solution.Build.Succeeded)
        {
            solution.UnitTests = await DotNet.RunAsync(folder, "test", solution.TestProject("UnitTests"), "--no-build");
            solution.ArchitectureTests = await DotNet.RunAsync(folder, "test", solution.TestProject("ArchitectureTests"), "--no-build");
        }

        return solution;
    }

    public string TestProject(string kind) => Path.Combine("tests", $"{Name}.{kind}");

    public string PathOf(params string[] parts) => Path.Combine([Folder, .. parts]);

    public IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(Folder, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    /// <summary>File names and namespace-like uses (<c>Reference.X</c>, <c>namespace Reference</c>) of the template's own name.</summary>
    public IReadOnlyList<string> LeftoversOfTheTemplateName()
    {
        var leftovers = new List<string>();
        foreach (var file in Files())
        {
            var relative = Path.GetRelativePath(Folder, file);
            if (relative.Contains("Reference", StringComparison.Ordinal))
            {
                leftovers.Add($"file name: {relative}");
            }

            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (TemplateNamespace().IsMatch(line))
                {
                    leftovers.Add($"{relative}:{lineNumber}: {line.Trim()}");
                }
            }
        }

        return leftovers;
    }

    // "Reference." as a namespace or project prefix, or "namespace/using Reference" — not words like ProjectReference.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])Reference\.[A-Z]|\b(namespace|using)\s+Reference\b")]
    private static partial Regex TemplateNamespace();
}
