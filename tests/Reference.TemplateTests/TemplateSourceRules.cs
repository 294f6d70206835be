using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reference.TemplateTests;

/// <summary>Rules the sources must follow so that <c>dotnet new cqrs-ref</c> reproduces them faithfully.</summary>
public sealed partial class TemplateSourceRules
{
    [Fact]
    public void Conditional_directives_use_only_template_symbols()
    {
        // dotnet new evaluates every #if itself: a symbol it does not know (DEBUG, NET10_0...) counts as false and
        // the block silently disappears from generated solutions.
        var templateSymbols = TemplateSymbols();
        var offending = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryLayout.Root, "*.cs", SearchOption.AllDirectories)
                     .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "templates")))
        {
            foreach (var line in File.ReadLines(file).Where(line => Directive().IsMatch(line)))
            {
                var unknown = Identifier().Matches(Directive().Match(line).Groups[1].Value)
                    .Select(match => match.Value)
                    .Where(symbol => symbol is not ("true" or "false") && !templateSymbols.Contains(symbol))
                    .ToList();
                if (unknown.Count > 0)
                {
                    offending.Add($"{Path.GetRelativePath(RepositoryLayout.Root, file)}: {line.Trim()}");
                }
            }
        }

        Assert.True(offending.Count == 0, $"#if on symbols dotnet new does not know:\n{string.Join('\n', offending)}");
    }

    [Fact]
    public void The_template_option_defaults_are_defined_for_the_repository_build()
    {
        var buildProps = File.ReadAllText(RepositoryLayout.PathOf("Directory.Build.props"));

        Assert.Contains("Samples;ReadStoreMongo;DatabasePostgres", buildProps, StringComparison.Ordinal);
    }

    private static HashSet<string> TemplateSymbols()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(RepositoryLayout.PathOf(".template.config", "template.json")));
        return template.RootElement.GetProperty("symbols").EnumerateObject().Select(symbol => symbol.Name).ToHashSet();
    }

    [GeneratedRegex(@"^\s*#\s*(?:if|elif)\b(.*)$")]
    private static partial Regex Directive();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();
}
