using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Reference.TestSupport.Postgres;

/// <summary>
/// A throwaway cluster started from local PostgreSQL binaries in a temp folder, on a free loopback port.
/// It is tuned for speed, not durability: the data folder is deleted when the test process ends.
/// </summary>
/// <remarks>
/// initdb and the server refuse to run as root, so when the tests run as root the cluster is created and run
/// by the unprivileged <c>postgres</c> OS user (via <c>runuser</c>) and the folder is handed over to that user.
/// </remarks>
internal sealed class LocalPostgresCluster : IPostgresHost
{
    private const string FolderPrefix = "reference-pg-";
    private const string OwnerFileName = "owner.pid";
    private const string ServiceUser = "postgres";
    private const int StartAttempts = 5;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private static readonly string[] SpeedSettings =
    [
        "listen_addresses = '127.0.0.1'",
        "unix_socket_directories = ''",
        "max_connections = 200",
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        "shared_buffers = 128MB",
        "log_min_messages = warning",
    ];

    private readonly PostgresBinaries _binaries;
    private readonly string _rootFolder;
    private readonly string? _runAsUser;

    private LocalPostgresCluster(PostgresBinaries binaries, string rootFolder, string? runAsUser, int port)
    {
        _binaries = binaries;
        _rootFolder = rootFolder;
        _runAsUser = runAsUser;
        Port = port;
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            Username = ServiceUser,
            Database = "postgres",
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    public int Port { get; }

    public string AdminConnectionString { get; }

    public string Description => $"local cluster ({_binaries.PgCtl}) on 127.0.0.1:{Port}";

    // The whole cluster is deleted, databases included.
    public bool DropsDatabasesOnShutdown => false;

    private string DataFolder => DataFolderOf(_rootFolder);

    /// <summary>Creates and starts a cluster, or explains why it could not.</summary>
    public static LocalPostgresCluster Start(PostgresBinaries binaries)
    {
        var runAsUser = Environment.IsPrivilegedProcess ? ServiceUser : null;
        var parent = TempParentFolder(runAsUser);
        RemoveAbandonedClusters(parent, binaries);

        var rootFolder = Path.Combine(parent, FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(rootFolder);
        File.WriteAllText(Path.Combine(rootFolder, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            if (runAsUser is not null)
            {
                OsCommand.RunChecked("chown", [runAsUser, rootFolder], CommandTimeout);
            }

            var dataFolder = DataFolderOf(rootFolder);
            RunTool(runAsUser, binaries.InitDb,
                ["-D", dataFolder, "-U", ServiceUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"]);
            File.AppendAllLines(Path.Combine(dataFolder, "postgresql.conf"), SpeedSettings);

            return StartOnFreePort(binaries, rootFolder, runAsUser);
        }
        catch
        {
            DeleteFolder(rootFolder);
            throw;
        }
    }

    public void Shutdown()
    {
        // The test host may be killed moments after the run, so only ask for the stop here; the watchdog deletes.
        RunTool(_runAsUser, _binaries.PgCtl, ["-D", DataFolder, "-m", "immediate", "-W", "stop"], throwOnFailure: false);
    }

    private static LocalPostgresCluster StartOnFreePort(PostgresBinaries binaries, string rootFolder, string? runAsUser)
    {
        // Another test process may grab the port between probing and binding, so a failed start is retried.
        var log = Path.Combine(rootFolder, "server.log");
        CommandResult? lastAttempt = null;
        for (var attempt = 0; attempt < StartAttempts; attempt++)
        {
            var port = FreeLoopbackPort();
            lastAttempt = RunTool(runAsUser, binaries.PgCtl,
                ["-D", DataFolderOf(rootFolder), "-l", log, "-w", "-t", "60", "-o", $"-p {port}", "start"],
                throwOnFailure: false);
            if (lastAttempt.ExitCode == 0)
            {
                StartWatchdog(binaries, rootFolder, runAsUser);
                return new LocalPostgresCluster(binaries, rootFolder, runAsUser, port);
            }
        }

        var serverLog = File.Exists(log) ? File.ReadAllText(log) : "(no server log)";
        throw new PostgresUnavailableException(
            $"pg_ctl could not start a cluster in {rootFolder} after {StartAttempts} attempts:\n{lastAttempt?.Output}\n{serverLog}");
    }

    /// <summary>
    /// Starts a detached shell that waits for this process to end (however it ends, even killed) and then stops
    /// the server and deletes the folder. The test host is often killed right after the run, before
    /// ProcessExit handlers can finish, so cleanup cannot rely on this process.
    /// </summary>
    private static void StartWatchdog(PostgresBinaries binaries, string rootFolder, string? runAsUser)
    {
        const string watchdog = """
            while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
            if [ -f "$4/postmaster.pid" ]; then $2 "$3" -D "$4" -m immediate -w stop; fi
            rm -rf "$5"
            """;
        // The launcher backgrounds the watchdog and exits, so the watchdog is no child of the test host.
        const string launcher = "nohup /bin/sh -c \"$1\" watchdog \"$2\" \"$3\" \"$4\" \"$5\" \"$6\" </dev/null >/dev/null 2>&1 &";
        var runAsPrefix = runAsUser is null ? "command" : $"{RunUserExecutable()} -u {runAsUser} --";
        OsCommand.RunChecked("/bin/sh",
            ["-c", launcher, "launcher", watchdog, Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                runAsPrefix, binaries.PgCtl, DataFolderOf(rootFolder), rootFolder],
            CommandTimeout);
    }

    private static CommandResult RunTool(string? runAsUser, string tool, IReadOnlyList<string> arguments, bool throwOnFailure = true)
    {
        IEnumerable<string> commandLine = runAsUser is null ? arguments : ["-u", runAsUser, "--", tool, .. arguments];
        var fileName = runAsUser is null ? tool : RunUserExecutable();
        return throwOnFailure
            ? OsCommand.RunChecked(fileName, commandLine, CommandTimeout)
            : OsCommand.Run(fileName, commandLine, CommandTimeout);
    }

    private static string RunUserExecutable() =>
        OsCommand.FindOnPath("runuser")
        ?? new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists)
        ?? throw new PostgresUnavailableException(
            "The tests run as root, so the PostgreSQL cluster must run as the 'postgres' user, but 'runuser' was not found.");

    private static void StopServer(PostgresBinaries binaries, string? runAsUser, string dataFolder)
    {
        if (File.Exists(Path.Combine(dataFolder, "postmaster.pid")))
        {
            // The data is thrown away, so there is nothing to flush: stop immediately.
            RunTool(runAsUser, binaries.PgCtl, ["-D", dataFolder, "-m", "immediate", "-w", "stop"], throwOnFailure: false);
        }
    }

    /// <summary>Stops and deletes clusters left behind by test processes that were killed before they could clean up.</summary>
    private static void RemoveAbandonedClusters(string parent, PostgresBinaries binaries)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(folder, OwnerFileName);
            if (!File.Exists(ownerFile)
                || !int.TryParse(File.ReadAllText(ownerFile), CultureInfo.InvariantCulture, out var ownerProcessId)
                || IsRunning(ownerProcessId))
            {
                continue;
            }

            try
            {
                StopServer(binaries, Environment.IsPrivilegedProcess ? ServiceUser : null, DataFolderOf(folder));
                DeleteFolder(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or PostgresUnavailableException)
            {
                // Someone else's leftovers: not ours to remove.
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string TempParentFolder(string? runAsUser)
    {
        // The service user must be able to traverse the parent; a root-only TMPDIR would lock it out.
        var parent = runAsUser is not null && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        return Path.TrimEndingDirectorySeparator(parent);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DataFolderOf(string rootFolder) => Path.Combine(rootFolder, "data");

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
