using System.Collections.Concurrent;
using System.Text;
using Npgsql;

namespace Reference.TestSupport.Postgres;

/// <summary>
/// The one real PostgreSQL server of a test process, provisioned on first use and stopped when the process exits.
/// </summary>
/// <remarks>
/// Resolution order: the <c>REFERENCE_TEST_POSTGRES</c> connection string; else a throwaway cluster from local
/// binaries; else a Testcontainers container when a Docker engine answers; else one clear failure message.
/// Tests never share a database: each asks for its own with <see cref="CreateDatabaseAsync"/>.
/// </remarks>
public sealed class PostgresServer
{
    /// <summary>Environment variable holding a superuser connection string of a server the tests may use.</summary>
    public const string ConnectionStringVariable = "REFERENCE_TEST_POSTGRES";

    private const int MaxNamePrefixLength = 40;
    private const string OwnerTagPrefix = "reference-tests";

    // Marks databases with their creator so a later run can drop those of test processes that were killed.
    private static readonly string OwnerTag = $"{OwnerTagPrefix}:{SafeMachineName}:{Environment.ProcessId}";

    private readonly Lazy<Task<IPostgresHost>> _host;
    private readonly ConcurrentDictionary<string, byte> _createdDatabases = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _ddlGate = new(1, 1);

    private readonly Lazy<Task<IPostgresHost>> _dedicatedLocalCluster;
    private readonly ConcurrentDictionary<string, Lazy<Task<IPostgresHost>>> _isolatedClusters = new(StringComparer.Ordinal);

    private PostgresServer()
    {
        _host = new Lazy<Task<IPostgresHost>>(() => Task.Run(Provision), LazyThreadSafetyMode.ExecutionAndPublication);
        _dedicatedLocalCluster = new Lazy<Task<IPostgresHost>>(() => Task.Run(ProvisionDedicatedLocalCluster), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The process-wide server.</summary>
    public static PostgresServer Instance { get; } = new();

    /// <summary>Where the server came from, e.g. "local cluster (...) on 127.0.0.1:41234".</summary>
    public async Task<string> DescribeAsync() => (await _host.Value).Description;

    /// <summary>Connection string of a superuser on the maintenance database (<c>postgres</c>).</summary>
    public async Task<string> GetAdminConnectionStringAsync() => (await _host.Value).AdminConnectionString;

    /// <summary>
    /// Connection string of a superuser on a server the tests started themselves (and tuned): the shared server when
    /// the tests started it, otherwise (<c>REFERENCE_TEST_POSTGRES</c> names the developer's own server) a local
    /// cluster started for this purpose from the PostgreSQL binaries, once per process.
    /// </summary>
    public async Task<string> GetTestStartedAdminConnectionStringAsync()
    {
        var shared = await _host.Value;
        return shared is ExternalPostgresHost ? (await _dedicatedLocalCluster.Value).AdminConnectionString : shared.AdminConnectionString;
    }

    /// <summary>
    /// Creates an empty database and returns its connection string. A unique suffix is appended to
    /// <paramref name="name"/> so parallel test classes and processes sharing one server never collide.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        await CreateDatabaseOnAsync(await _host.Value, name, cancellationToken);

    /// <summary>
    /// Creates an empty database on a local cluster of its own, started once per process for each
    /// <paramref name="cluster"/> name, for tests that must not share a cluster with the others. The event log's read
    /// horizon is computed from cluster-wide transaction ids: a transaction of another database that ends between the
    /// statement's snapshot and its read of <c>pg_stat_activity</c> holds one read back (safe, and re-read by any
    /// follower), so a test asserting the exact page of one read, or one holding a transaction open on purpose, runs
    /// where no other test's transactions come and go. <see cref="DropDatabaseAsync"/> drops it like any other.
    /// </summary>
    public async Task<string> CreateIsolatedDatabaseAsync(string cluster, string name, CancellationToken cancellationToken = default)
    {
        var host = _isolatedClusters.GetOrAdd(
            cluster,
            _ => new Lazy<Task<IPostgresHost>>(() => Task.Run(ProvisionDedicatedLocalCluster), LazyThreadSafetyMode.ExecutionAndPublication));
        return await CreateDatabaseOnAsync(await host.Value, name, cancellationToken);
    }

    private async Task<string> CreateDatabaseOnAsync(IPostgresHost host, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var databaseName = UniqueDatabaseName(name);

        await ExecuteDdlAsync(host, $"CREATE DATABASE \"{databaseName}\"", cancellationToken);
        _createdDatabases.TryAdd(databaseName, 0);
        await ExecuteDdlAsync(host, $"COMMENT ON DATABASE \"{databaseName}\" IS '{OwnerTag}'", cancellationToken);

        return new NpgsqlConnectionStringBuilder(host.AdminConnectionString) { Database = databaseName }.ConnectionString;
    }

    /// <summary>Drops a database created by <see cref="CreateDatabaseAsync"/>, closing its open connections.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var host = await HostOfAsync(connectionString);
        var databaseName = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));

        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteDdlAsync(host, $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", cancellationToken);
        _createdDatabases.TryRemove(databaseName, out _);
    }

    private async Task<IPostgresHost> HostOfAsync(string connectionString)
    {
        foreach (var cluster in _isolatedClusters.Values.Where(c => c.IsValueCreated))
        {
            var host = await cluster.Value;
            if (SameServer(connectionString, host.AdminConnectionString))
            {
                return host;
            }
        }

        return await _host.Value;
    }

    private static bool SameServer(string connectionString, string other)
    {
        var (a, b) = (new NpgsqlConnectionStringBuilder(connectionString), new NpgsqlConnectionStringBuilder(other));
        return string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
    }

    private async Task ExecuteDdlAsync(IPostgresHost host, string sql, CancellationToken cancellationToken)
    {
        // CREATE/DROP DATABASE cannot run in a transaction; serialising them keeps template1 free of concurrent copies.
        await _ddlGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(host.AdminConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _ddlGate.Release();
        }
    }

    private IPostgresHost Provision()
    {
        var host = ProvisionHost();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Shutdown(host);
        return host;
    }

    private static IPostgresHost ProvisionDedicatedLocalCluster()
    {
        var binaries = PostgresBinaries.Locate() ?? throw new PostgresUnavailableException(
            $"A cluster started by the tests was asked for while {ConnectionStringVariable} names another server, and no " +
            "PostgreSQL server binaries (initdb, pg_ctl) were found to start one.");
        var cluster = LocalPostgresCluster.Start(binaries);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Shutdown();
        return cluster;
    }

    private static IPostgresHost ProvisionHost()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var external = ExternalPostgresHost.FromConnectionString(connectionString);
            DropDatabasesOfEndedProcesses(external);
            return external;
        }

        var attempts = new StringBuilder();
        var binaries = PostgresBinaries.Locate();
        if (binaries is null)
        {
            attempts.AppendLine("- local binaries: initdb/pg_ctl not found on PATH, via pg_config --bindir, or in /usr/lib/postgresql/*/bin.");
        }
        else
        {
            try
            {
                return LocalPostgresCluster.Start(binaries);
            }
            catch (Exception exception) when (exception is PostgresUnavailableException or IOException or UnauthorizedAccessException)
            {
                attempts.AppendLine($"- local binaries ({binaries.PgCtl}): {exception.Message}");
            }
        }

        try
        {
            return ContainerPostgresHost.Start();
        }
        catch (Exception exception)
        {
            attempts.AppendLine($"- Docker (Testcontainers): {exception.GetBaseException().Message}");
        }

        throw new PostgresUnavailableException(
            "No PostgreSQL server is available for the tests. Provide one of:\n" +
            $"  1. {ConnectionStringVariable}=\"Host=localhost;Port=5432;Username=postgres;Password=...\" (a superuser on a server you run), or\n" +
            "  2. the PostgreSQL server binaries (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql);\n" +
            "     the tests then start and delete a throwaway cluster themselves, or\n" +
            "  3. a running Docker engine (a postgres:15 container is started).\n" +
            "What was tried:\n" + attempts);
    }

    /// <summary>
    /// Drops databases left on a shared server by earlier test processes on this machine that have ended;
    /// the test host is often killed before its own cleanup finishes.
    /// </summary>
    private static void DropDatabasesOfEndedProcesses(ExternalPostgresHost host)
    {
        var abandoned = new List<string>();
        try
        {
            using var connection = new NpgsqlConnection(host.AdminConnectionString);
            connection.Open();
            using (var query = new NpgsqlCommand(
                       "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database " +
                       "WHERE shobj_description(oid, 'pg_database') LIKE @tag", connection))
            {
                query.Parameters.AddWithValue("tag", $"{OwnerTagPrefix}:{SafeMachineName}:%");
                using var reader = query.ExecuteReader();
                while (reader.Read())
                {
                    var ownerProcessId = reader.GetString(1).Split(':')[^1];
                    if (int.TryParse(ownerProcessId, out var processId) && !IsRunning(processId))
                    {
                        abandoned.Add(reader.GetString(0));
                    }
                }
            }

            foreach (var databaseName in abandoned)
            {
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException exception)
        {
            throw new PostgresUnavailableException(
                $"{ConnectionStringVariable} is set, but that server cannot be used: {exception.Message}",
                exception);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string SafeMachineName =>
        new(Environment.MachineName.Select(character => char.IsAsciiLetterOrDigit(character) ? character : '-').ToArray());

    private void Shutdown(IPostgresHost host)
    {
        NpgsqlConnection.ClearAllPools();
        if (host.DropsDatabasesOnShutdown)
        {
            foreach (var databaseName in _createdDatabases.Keys)
            {
                try
                {
                    ExecuteDdlAsync(host, $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", CancellationToken.None)
                        .GetAwaiter().GetResult();
                }
                catch (NpgsqlException)
                {
                    // Best effort: the server may already be gone.
                }
            }
        }

        host.Shutdown();
    }

    private static string UniqueDatabaseName(string name)
    {
        var prefix = new string(name.ToLowerInvariant()
            .Select(character => char.IsAsciiLetterOrDigit(character) ? character : '_')
            .Take(MaxNamePrefixLength)
            .ToArray());
        return $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
    }
}
