using Npgsql;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Infrastructure;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task Server_answers_queries_on_the_admin_connection()
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.Instance.GetAdminConnectionStringAsync());
        await connection.OpenAsync();

        var isSuperuser = await ScalarAsync<string>(connection, "SHOW is_superuser");

        Assert.Equal("on", isSuperuser);
    }

    [Fact]
    public async Task Each_created_database_is_distinct_and_isolated_even_with_the_same_name()
    {
        var first = await PostgresServer.Instance.CreateDatabaseAsync("same_name");
        var second = await PostgresServer.Instance.CreateDatabaseAsync("same_name");

        await ExecuteAsync(first, "CREATE TABLE only_in_first (id int)");

        Assert.NotEqual(DatabaseName(first), DatabaseName(second));
        Assert.StartsWith("same_name_", DatabaseName(first), StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(second);
        await connection.OpenAsync();
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));
    }

    [Fact]
    public async Task Databases_can_be_created_concurrently()
    {
        var connectionStrings = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => PostgresServer.Instance.CreateDatabaseAsync("concurrent")));

        Assert.Equal(8, connectionStrings.Select(DatabaseName).Distinct().Count());
    }

    [Fact]
    public async Task Database_names_are_sanitised_to_safe_identifiers()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("Orders \"Tests\"; DROP");

        Assert.Matches("^orders__tests___drop_[0-9a-f]{12}$", DatabaseName(connectionString));
    }

    [Fact]
    public async Task Dropped_database_no_longer_exists()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("dropped");
        await ExecuteAsync(connectionString, "SELECT 1");

        await PostgresServer.Instance.DropDatabaseAsync(connectionString);

        await using var admin = new NpgsqlConnection(await PostgresServer.Instance.GetAdminConnectionStringAsync());
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", DatabaseName(connectionString));
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_cluster_started_by_the_tests_is_tuned_for_speed()
    {
        // The shared server, unless REFERENCE_TEST_POSTGRES names the developer's own (which keeps its own settings):
        // then a cluster the tests start for this check.
        await using var connection = new NpgsqlConnection(await PostgresServer.Instance.GetTestStartedAdminConnectionStringAsync());
        await connection.OpenAsync();

        Assert.Equal("off", await ScalarAsync<string>(connection, "SHOW fsync"));
        Assert.Equal("off", await ScalarAsync<string>(connection, "SHOW synchronous_commit"));
        Assert.Equal("off", await ScalarAsync<string>(connection, "SHOW full_page_writes"));
        Assert.Equal("200", await ScalarAsync<string>(connection, "SHOW max_connections"));
    }

    internal static string DatabaseName(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database!;

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
