using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Reference.CacheBenchmarks;

/// <summary>
/// The Redis the bench runs on: <c>REFERENCE_BENCH_REDIS</c> (a StackExchange.Redis connection string) if set, else a
/// throwaway <c>redis-server</c> (Debian's package) started as a child process on a free loopback port without
/// persistence, killed when disposed. The minimal part of the integration tests' RedisTestServer.
/// </summary>
public sealed class BenchRedis : IAsyncDisposable
{
    public const string ConnectionStringVariable = "REFERENCE_BENCH_REDIS";

    private readonly Process? _process;

    private BenchRedis(string connectionString, Process? process)
    {
        ConnectionString = connectionString;
        _process = process;
    }

    public string ConnectionString { get; }

    public string Description => _process is null
        ? $"{ConnectionStringVariable}={ConnectionString}"
        : $"redis-server child process at {ConnectionString} (no persistence)";

    public static async Task<BenchRedis> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } configured)
        {
            return new BenchRedis(configured, null);
        }

        var binary = Environment.GetEnvironmentVariable("REFERENCE_TEST_REDIS_SERVER") is { Length: > 0 } named ? named : "/usr/bin/redis-server";
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", Path.GetTempPath(), "--daemonize", "no", "--loglevel", "warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } text)
            {
                Console.Error.WriteLine($"redis-server: {text}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new BenchRedis($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", process);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await AnswersPingAsync(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"{binary} on 127.0.0.1:{port} did not answer PING (set {ConnectionStringVariable} to use your own Redis).");
            }

            await Task.Delay(20);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static async Task<bool> AnswersPingAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return read >= 5 && buffer.AsSpan(0, 5).SequenceEqual("+PONG"u8);
        }
        catch (Exception error) when (error is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
