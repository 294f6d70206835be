using System.Diagnostics;
using System.Text.Json;

namespace Reference.IntegrationTests.Api.OpenApi;

/// <summary>
/// Runs Spectral (tools/openapi-lint, pinned by its package-lock.json) on a document and returns its findings.
/// Spectral is installed by <c>npm ci --prefix tools/openapi-lint</c>, which .ci/run does; without it this fails
/// with that instruction rather than passing.
/// </summary>
internal static class SpectralLinter
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<SpectralFinding>> LintAsync(string document)
    {
        var tools = Path.Combine(RepositoryRoot(), "tools", "openapi-lint");
        var spectral = Path.Combine(tools, "node_modules", ".bin", "spectral");
        if (!File.Exists(spectral))
        {
            throw new InvalidOperationException($"Spectral is not installed in {tools}: run `npm ci --prefix tools/openapi-lint` (.ci/run does).");
        }

        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var start = new ProcessStartInfo(spectral)
            {
                WorkingDirectory = tools,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "lint", file, "--ruleset", Path.Combine(tools, ".spectral.yaml"), "--format", "json", "--quiet" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {spectral}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using (var deadline = new CancellationTokenSource(Timeout))
            {
                try
                {
                    await process.WaitForExitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"Spectral did not finish within {Timeout}.");
                }
            }

            // 0: nothing at error severity, 1: some errors; anything else means it did not lint.
            var json = await output;
            if (process.ExitCode is not (0 or 1) || !json.TrimStart().StartsWith('['))
            {
                throw new InvalidOperationException($"Spectral failed (exit {process.ExitCode}): {await errors}{json}");
            }

            using var findings = JsonDocument.Parse(json);
            return findings.RootElement.EnumerateArray().Select(SpectralFinding.From).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.GetFiles("*.sln").Length > 0)
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No solution folder above {AppContext.BaseDirectory}.");
    }
}

/// <summary>One Spectral result: its rule, severity (0 error, 1 warning, 2 information, 3 hint), where and what.</summary>
internal sealed record SpectralFinding(string Rule, int Severity, string Path, string Message)
{
    public const int Error = 0;
    public const int Warning = 1;

    public static SpectralFinding From(JsonElement result) => new(
        result.GetProperty("code").ToString(),
        result.GetProperty("severity").GetInt32(),
        string.Join('.', result.GetProperty("path").EnumerateArray().Select(segment => segment.ToString())),
        result.GetProperty("message").GetString() ?? "");

    public override string ToString() => $"{(Severity == Error ? "error" : "warning")} {Rule} at {Path}: {Message}";
}
