using System.Diagnostics;
using System.Text;

namespace Reference.TestSupport.Postgres;

/// <summary>Runs a command line tool to completion and captures what it printed.</summary>
internal static class OsCommand
{
    public static CommandResult Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new CommandResult(-1, $"{Describe(fileName, arguments)} did not finish within {timeout}.\n{Snapshot(output)}");
        }

        // The parameterless overload waits until the redirected streams are drained.
        process.WaitForExit();
        return new CommandResult(process.ExitCode, Snapshot(output));
    }

    public static CommandResult RunChecked(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var argumentList = arguments.ToList();
        var result = Run(fileName, argumentList, timeout);
        if (result.ExitCode != 0)
        {
            throw new PostgresUnavailableException(
                $"{Describe(fileName, argumentList)} failed with exit code {result.ExitCode}:\n{result.Output}");
        }

        return result;
    }

    public static string? FindOnPath(string executable)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
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

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string Describe(string fileName, IEnumerable<string> arguments) =>
        $"'{fileName} {string.Join(' ', arguments)}'";
}

internal sealed record CommandResult(int ExitCode, string Output);
