using System.Diagnostics;
using System.Text;

namespace Reference.TemplateTests;

/// <summary>Runs the dotnet CLI as a user would, isolated from the test host's own MSBuild environment.</summary>
internal static class DotNet
{
    // Generous: a shared CI machine under load can take many minutes for a full solution build.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(20);

    public static Task<CommandOutput> RunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(DefaultTimeout, workingDirectory, arguments);

    public static Task<CommandOutput> RunAsync(TimeSpan timeout, string workingDirectory, params string[] arguments) =>
        RunToolAsync("dotnet", timeout, workingDirectory, arguments);

    /// <summary>Runs another command-line tool (npm, say) the same way, with the same clean environment.</summary>
    public static async Task<CommandOutput> RunToolAsync(string tool, TimeSpan timeout, string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // `dotnet test` exports MSBuild variables that would point a nested build at the wrong SDK state.
        foreach (var variable in startInfo.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(variable);
        }

        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var output = new StringBuilder();
        var started = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within {timeout}:\n{output}");
        }

        lock (output)
        {
            return new CommandOutput($"{tool} {string.Join(' ', arguments)}", process.ExitCode, output.ToString(), started.Elapsed);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

internal sealed record CommandOutput(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"{Command} exited with {ExitCode} after {Elapsed.TotalSeconds:F0} s:\n{Output}";
}
