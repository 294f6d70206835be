using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Reference.TestSupport.Mongo;

/// <summary>
/// The Mongo-wire emulator (<c>mongo_wire_emulator.py</c>: MongoDB's wire protocol over mongomock) as a child
/// process on a free loopback port. It is not MongoDB; docs/adr/0005 lists what it cannot check.
/// </summary>
/// <remarks>
/// The emulator picks its own port and prints it, so two test processes never race for one. It exits when its
/// standard input closes, which happens when this process ends however it ends.
/// </remarks>
internal sealed partial class MongoWireEmulator : IMongoHost
{
    /// <summary>Debian's interpreter: it sees Debian's python3-pymongo and python3-mongomock, a pyenv one may not.</summary>
    public const string Python = "/usr/bin/python3";

    public const string ScriptName = "mongo_wire_emulator.py";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _errors;

    private MongoWireEmulator(Process process, StringBuilder errors, string host, int port)
    {
        _process = process;
        _errors = errors;
        ConnectionString = $"mongodb://{host}:{port}/?directConnection=true";
        Description = $"Mongo-wire emulator (mongomock, pid {process.Id}) on {host}:{port}";
    }

    public string ConnectionString { get; }

    public string Description { get; }

    public bool IsEmulator => true;

    /// <summary>What the emulator wrote to standard error so far (tracebacks of commands it failed on).</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static MongoWireEmulator Start()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Mongo", ScriptName);
        if (!File.Exists(script))
        {
            throw new MongoUnavailableException($"The Mongo-wire emulator script is missing: {script} (it is copied to the test output by Reference.TestSupport.csproj).");
        }

        if (!File.Exists(Python))
        {
            throw new MongoUnavailableException(MissingPackages($"{Python} not found."));
        }

        var startInfo = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-u");
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add("0");

        var errors = new StringBuilder();
        var listening = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new EndOfStreamException("The emulator closed its output before it listened."));
            }
            else if (Listening().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(match);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Match address;
        try
        {
            address = listening.Task.WaitAsync(StartTimeout).GetAwaiter().GetResult();
        }
        catch (Exception failure) when (failure is TimeoutException or EndOfStreamException)
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
            string printed;
            lock (errors)
            {
                printed = errors.ToString();
            }

            process.Dispose();
            throw new MongoUnavailableException(
                printed.Contains("ModuleNotFoundError", StringComparison.Ordinal)
                    ? MissingPackages(printed)
                    : $"The Mongo-wire emulator did not start within {StartTimeout}:\n{printed}",
                failure);
        }

        return new MongoWireEmulator(process, errors, address.Groups["host"].Value, int.Parse(address.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Shutdown()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string MissingPackages(string detail) =>
        "The Mongo-wire emulator needs Debian's python3-pymongo and python3-mongomock for " + Python +
        " (.ci/run installs them: apt-get install python3-pymongo python3-mongomock), or set " +
        MongoTestServer.ConnectionStringVariable + " to a MongoDB server.\n" + detail;

    [GeneratedRegex(@"^listening on (?<host>[0-9.]+):(?<port>\d+)$")]
    private static partial Regex Listening();
}
