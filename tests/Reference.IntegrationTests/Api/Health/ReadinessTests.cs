using System.Net;
using System.Text.Json;
using Npgsql;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Health;

/// <summary>
/// <c>/health/ready</c> on real PostgreSQL: ready when every migration set the app uses is applied,
/// 503 with a JSON body naming the failing check and set as soon as any one of them lags.
/// </summary>
public sealed class ReadinessTests(ReadinessTests.AllStoresApiFactory app) : IClassFixture<ReadinessTests.AllStoresApiFactory>
{
    [Fact]
    public async Task A_migrated_database_is_ready()
    {
        var (status, report) = await ReadyAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var names = Checks(report).Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("database", names);
        Assert.Contains("read-store", names);
        Assert.All(Checks(report), c => Assert.Equal("Healthy", c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Each_migration_set_that_lags_makes_the_app_not_ready_and_is_named()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var historyTables = await HistoryTablesAsync(connection);
        Assert.Contains("__tenant_store_migrations", historyTables);
        Assert.Contains("__projections_migrations", historyTables);
        Assert.True(historyTables.Count >= 3, string.Join(", ", historyTables));

        foreach (var table in historyTables)
        {
            var removed = await RemoveLatestMigrationAsync(connection, table);
            try
            {
                var (status, report) = await ReadyAsync();

                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
                var database = Assert.Single(Checks(report), c => c.GetProperty("name").GetString() == "database");
                Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
                var lagging = Assert.Single(database.GetProperty("data").EnumerateObject());
                Assert.Contains(removed.MigrationId, lagging.Value.GetString(), StringComparison.Ordinal);
                Assert.Contains(lagging.Name, database.GetProperty("description").GetString(), StringComparison.Ordinal);
            }
            finally
            {
                await RestoreAsync(connection, table, removed);
            }

            Assert.Equal(HttpStatusCode.OK, (await ReadyAsync()).Status);
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Report)> ReadyAsync()
    {
        // A plain client: a 503 is the answer under test here, not a server error to fail on.
        using var client = app.CreateDefaultClient();
        var response = await client.GetAsync("/health/ready");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static IEnumerable<JsonElement> Checks(JsonElement report) => report.GetProperty("checks").EnumerateArray();

    private static async Task<List<string>> HistoryTablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_name LIKE '\_\_%migrations' ORDER BY table_name
            """,
            connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<HistoryRow> RemoveLatestMigrationAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            $"""DELETE FROM "{table}" WHERE "MigrationId" = (SELECT max("MigrationId") FROM "{table}") RETURNING "MigrationId", "ProductVersion" """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"{table} holds no migration.");
        return new HistoryRow(reader.GetString(0), reader.GetString(1));
    }

    private static async Task RestoreAsync(NpgsqlConnection connection, string table, HistoryRow row)
    {
        await using var command = new NpgsqlCommand($"""INSERT INTO "{table}" ("MigrationId", "ProductVersion") VALUES (@id, @version)""", connection);
        command.Parameters.AddWithValue("id", row.MigrationId);
        command.Parameters.AddWithValue("version", row.ProductVersion);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record HistoryRow(string MigrationId, string ProductVersion);

    /// <summary>The test application with every optional migration set in use: the database tenant store and the relational read store.</summary>
    public sealed class AllStoresApiFactory : ReferenceApiFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["MultiTenancy:Stores:0"] = "Configuration";
            settings["MultiTenancy:Stores:1"] = "Database";
            settings["ReadStore:Provider"] = "Relational";
            return settings;
        }
    }
}
