using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Reference.IntegrationTests.Redis;

/// <summary>
/// A throwaway <c>redis-server</c> (Debian's package, installed by <c>.ci/run</c>) on a free loopback port, without
/// persistence, as an xunit fixture or created by a test that needs one of its own. <see cref="StopAsync"/> kills it
/// (an outage: the data is gone) and <see cref="StartAsync"/> starts it again on the same port, so clients reconnect.
/// A watchdog kills the server if the test process dies before disposing it.
/// </summary>
public sealed class RedisTestServer : IAsyncLifetime, IAsyncDisposable
{
    private const int StartAttempts = 5;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);

    private readonly StringBuilder _output = new();
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The server binary: <c>REFERENCE_TEST_REDIS_SERVER</c>, else <c>redis-server</c> on the PATH.</summary>
    public static string Binary =>
        Environment.GetEnvironmentVariable("REFERENCE_TEST_REDIS_SERVER") is { Length: > 0 } configured
            ? configured
            : (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Combine(folder, "redis-server"))
                .FirstOrDefault(File.Exists)
            ?? throw new RedisUnavailableException(
                "redis-server was not found on the PATH (nor named by REFERENCE_TEST_REDIS_SERVER). The Redis tests need a real "
                + "server: .ci/run installs Debian's redis-server package, or run 'apt-get install redis-server'.");

    async Task IAsyncLifetime.InitializeAsync() => await StartAsync();

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>Starts the server (on a new free port the first time, on the same port after a stop) and waits for PING.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var firstStart = Port == 0;
        Exception? lastFailure = null;
        for (var attempt = 0; attempt < (firstStart ? StartAttempts : 1); attempt++)
        {
            if (firstStart)
            {
                // Another process may take the port between probing and binding: a failed first start tries another.
                Port = FreeLoopbackPort();
            }

            try
            {
                await StartOnceAsync();
                return;
            }
            catch (RedisUnavailableException failure) when (firstStart)
            {
                lastFailure = failure;
            }
        }

        throw new RedisUnavailableException($"redis-server could not be started after {StartAttempts} attempts.", lastFailure);
    }

    /// <summary>Kills the server, as a crash or an outage would, and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        using var process = _process;
        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartOnceAsync()
    {
        var binary = Binary;
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", Path.GetTempPath(), "--daemonize", "no", "--loglevel", "warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        lock (_output)
        {
            _output.Clear();
        }

        var process = Process.Start(start) ?? throw new RedisUnavailableException($"{binary} did not start.");
        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        StartWatchdog(process.Id);

        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (!await AnswersPingAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await StopAsync();
                string output;
                lock (_output)
                {
                    output = _output.ToString();
                }

                throw new RedisUnavailableException($"{binary} on 127.0.0.1:{Port} did not answer PING:\n{output}");
            }

            await Task.Delay(20);
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception error) when (error is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// A detached shell that kills the server once this process is gone (however it ends): the test host is often
    /// killed right after the run, before it could dispose its fixtures.
    /// </summary>
    private static void StartWatchdog(int serverProcessId)
    {
        const string watchdog = """
            while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
            kill -9 "$2" 2>/dev/null
            """;
        const string launcher = "nohup /bin/sh -c \"$1\" watchdog \"$2\" \"$3\" </dev/null >/dev/null 2>&1 &";
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-c", launcher, "launcher", watchdog,
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), serverProcessId.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var launched = Process.Start(start) ?? throw new RedisUnavailableException("The Redis watchdog did not start.");
        launched.WaitForExit();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
