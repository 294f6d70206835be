using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reference.TemplateTests;

internal static partial class GeneratedSolutionAssert
{
    private const int ListedNames = 30;

    public static void Succeeded(CommandOutput? step, string what)
    {
        Assert.True(step is not null, $"{what} did not run because an earlier step failed.");
        Assert.True(step.Succeeded, $"{what} failed: {step}");
    }

    public static void BuiltWithoutWarnings(GeneratedSolution solution)
    {
        Succeeded(solution.Instantiation, $"dotnet new cqrs-ref {solution.Combination}");
        Succeeded(solution.Build, $"dotnet build -warnaserror ({solution.Combination})");
        var warnings = Warning().Matches(solution.Build!.Output).Select(match => match.Value).Distinct().ToList();
        Assert.True(warnings.Count == 0, $"Build warnings:\n{string.Join('\n', warnings)}");
    }

    /// <summary>The <c>{Name}.{kind}</c> tests ran, at least one passed, and none failed or was skipped.</summary>
    public static void AllPassed(GeneratedTestSuite? suite, string kind)
    {
        Assert.True(suite is not null, $"The generated {kind} did not run because an earlier step failed.");
        var report = suite.For(kind);
        Assert.True(report is not null, $"No TRX result for the {kind}: {Tail(suite.Run)}");
        Assert.True(report.Failed.Count == 0, $"{report}. Failed:\n{string.Join('\n', report.Failed.Take(ListedNames))}\n{Tail(suite.Run)}");
        Assert.True(report.Skipped.Count == 0, $"{report}. Skipped (CI must report 0 skipped):\n{string.Join('\n', report.Skipped.Take(ListedNames))}");
        Assert.True(report.Passed.Count > 0, $"{report}: nothing ran.");
    }

    public static void HasNoTemplateNameLeft(GeneratedSolution solution)
    {
        Succeeded(solution.Instantiation, "dotnet new cqrs-ref");
        var leftovers = solution.LeftoversOfTheTemplateName();
        Assert.True(leftovers.Count == 0, $"'Reference' survives in:\n{string.Join('\n', leftovers)}");
    }

    public static void ProductionProviders(GeneratedSolution solution, string persistence, string readStore)
    {
        Succeeded(solution.Instantiation, $"dotnet new cqrs-ref {solution.Combination}");
        using var settings = JsonDocument.Parse(File.ReadAllText(solution.PathOf("src", "Web", "appsettings.json")));
        Assert.Equal(persistence, settings.RootElement.GetProperty("Persistence").GetProperty("Provider").GetString());
        Assert.Equal(readStore, settings.RootElement.GetProperty("ReadStore").GetProperty("Provider").GetString());
    }

    private static string Tail(CommandOutput run) =>
        run.Output.Length <= 6000 ? run.ToString() : $"{run.Command} exited with {run.ExitCode}; last lines:\n{run.Output[^6000..]}";

    [GeneratedRegex(@"[^\s]+: warning [A-Z]+[0-9]+:[^\n]*")]
    private static partial Regex Warning();
}
