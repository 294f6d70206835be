using System.Text.RegularExpressions;

namespace Reference.TemplateTests;

/// <summary>
/// A solution generated from the cqrs-ref template for one <see cref="TemplateCombination"/>: the folder
/// <c>dotnet new</c> wrote (what assertions on generated files read) and the output of building it.
/// </summary>
internal sealed partial class GeneratedSolution(string name, TemplateCombination combination, string folder, CommandOutput instantiation)
{
    public string Name { get; } = name;

    public TemplateCombination Combination { get; } = combination;

    /// <summary>The folder <c>dotnet new</c> generated the solution into, never built in.</summary>
    public string Folder { get; } = folder;

    public CommandOutput Instantiation { get; } = instantiation;

    /// <summary><c>dotnet build -warnaserror</c> of the generated files; null when instantiation failed.</summary>
    public CommandOutput? Build { get; set; }

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
