using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reference.TemplateTests;

internal static partial class GeneratedSolutionAssert
{
    public static void Succeeded(CommandOutput? step, string what)
    {
        Assert.True(step is not null, $"{what} did not run because an earlier step failed.");
        Assert.True(step.Succeeded, $"{what} failed: {step}");
    }

    public static void BuiltWithoutWarnings(GeneratedSolution solution)
    {
        Succeeded(solution.Instantiation, "dotnet new cqrs-ref");
        Succeeded(solution.Build, "dotnet build");
        var warnings = Warning().Matches(solution.Build!.Output).Select(match => match.Value).Distinct().ToList();
        Assert.True(warnings.Count == 0, $"Build warnings:\n{string.Join('\n', warnings)}");
    }

    public static void TestsPassed(CommandOutput? step, string what)
    {
        Succeeded(step, what);
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+[1-9]", step!.Output);
    }

    public static void HasNoTemplateNameLeft(GeneratedSolution solution)
    {
        Succeeded(solution.Instantiation, "dotnet new cqrs-ref");
        var leftovers = solution.LeftoversOfTheTemplateName();
        Assert.True(leftovers.Count == 0, $"'Reference' survives in:\n{string.Join('\n', leftovers)}");
    }

    public static void ProductionProviders(GeneratedSolution solution, string persistence, string readStore)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(solution.PathOf("src", "Web", "appsettings.json")));
        Assert.Equal(persistence, settings.RootElement.GetProperty("Persistence").GetProperty("Provider").GetString());
        Assert.Equal(readStore, settings.RootElement.GetProperty("ReadStore").GetProperty("Provider").GetString());
    }

    [GeneratedRegex(@"[^\s]+: warning [A-Z]+[0-9]+:[^\n]*")]
    private static partial Regex Warning();
}
