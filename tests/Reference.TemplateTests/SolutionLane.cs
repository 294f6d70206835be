using Xunit.Abstractions;
using Xunit.Sdk;

namespace Reference.TemplateTests;

/// <summary>
/// Combinations generated under one solution name and built one after the other in one build folder. Each is
/// generated into a fresh folder (what assertions on generated files read), then mirrored onto the build folder
/// (<see cref="FolderMirror"/>), so MSBuild recompiles only the projects whose inputs differ from the previous
/// combination's. A project it finds up to date was compiled warning-free from the very same inputs by an earlier
/// combination: <c>-warnaserror</c> would have failed that build otherwise.
/// </summary>
/// <remarks>The last combination is left in the build folder, ready for the whole generated test suite to run there.</remarks>
internal sealed class SolutionLane(TemplateSandbox sandbox, IMessageSink diagnostics, string name, IReadOnlyList<(TemplateCombination Combination, string[] Options)> steps)
{
    public string Name { get; } = name;

    public string BuildFolder { get; } = Path.Combine(sandbox.Root, "build", name);

    public string SolutionFile => Path.Combine(BuildFolder, $"{Name}.sln");

    /// <summary>The solution of the lane's last combination, the one left in <see cref="BuildFolder"/>.</summary>
    public TemplateCombination Final => steps[^1].Combination;

    public async Task<IReadOnlyDictionary<TemplateCombination, GeneratedSolution>> BuildAllAsync()
    {
        var solutions = new Dictionary<TemplateCombination, GeneratedSolution>();
        foreach (var (combination, options) in steps)
        {
            var folder = Path.Combine(sandbox.Output, Name, combination.Slug);
            var instantiation = await sandbox.NewAsync(sandbox.Output, ["cqrs-ref", "--name", Name, "--output", folder, .. options]);
            var solution = new GeneratedSolution(Name, combination, folder, instantiation);
            solutions[combination] = solution;
            if (!instantiation.Succeeded)
            {
                Report($"dotnet new cqrs-ref {string.Join(' ', options)} failed");
                continue;
            }

            var changed = FolderMirror.Mirror(folder, BuildFolder);
            solution.Build = await DotNet.RunAsync(BuildFolder, "build", SolutionFile, "-warnaserror", "-nodeReuse:false");
            Report($"{combination}: {changed} files changed, build {(solution.Build.Succeeded ? "succeeded" : "failed")} in {solution.Build.Elapsed.TotalSeconds:F0} s");
        }

        return solutions;
    }

    /// <summary>Runs every test project of the solution in <see cref="BuildFolder"/> (already built), with TRX results.</summary>
    public async Task<GeneratedTestSuite> TestAsync()
    {
        var results = Path.Combine(sandbox.Root, "test-results", Name);
        await InstallOpenApiLintAsync();
        var run = await DotNet.RunAsync(TimeSpan.FromMinutes(45), BuildFolder,
            "test", SolutionFile, "--no-build", "--logger", "trx", "--results-directory", results);
        var suite = new GeneratedTestSuite(run, TestRunReport.ReadAll(results));
        Report($"dotnet test {Name}.sln in {run.Elapsed.TotalSeconds:F0} s: {string.Join("; ", suite.Reports)}");
        return suite;
    }

    // The generated OpenAPI test lints with Spectral, which the generated .ci/run installs from tools/openapi-lint's
    // lock file; the lane does the same (node_modules is never part of the template).
    private async Task InstallOpenApiLintAsync()
    {
        var tools = Path.Combine(BuildFolder, "tools", "openapi-lint");
        if (!File.Exists(Path.Combine(tools, "package-lock.json")) || Directory.Exists(Path.Combine(tools, "node_modules")))
        {
            return;
        }

        var install = await DotNet.RunToolAsync("npm", TimeSpan.FromMinutes(10), BuildFolder,
            "ci", "--prefix", tools, "--prefer-offline", "--no-audit", "--no-fund");
        Report($"npm ci in tools/openapi-lint {(install.Succeeded ? "succeeded" : "failed")} in {install.Elapsed.TotalSeconds:F0} s");
        GeneratedSolutionAssert.Succeeded(install, "installing Spectral for the generated OpenAPI lint test");
    }

    public void Report(string message) => diagnostics.OnMessage(new DiagnosticMessage($"[{Name}] {message}"));
}
