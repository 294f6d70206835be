using Npgsql;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Infrastructure;

public sealed class DatabaseResetTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        // Idempotent schema, as migrations would leave it; the reset keeps the schema and the history rows.
        await PostgresServerTests.ExecuteAsync(database.ConnectionString, """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" ("MigrationId" text PRIMARY KEY, "ProductVersion" text NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('20250101_Initial', '10.0') ON CONFLICT DO NOTHING;
            CREATE TABLE IF NOT EXISTS customers (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
            CREATE TABLE IF NOT EXISTS orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id));
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reset_empties_tables_in_foreign_key_order_and_reseeds_identities()
    {
        await PostgresServerTests.ExecuteAsync(database.ConnectionString,
            "INSERT INTO customers (name) VALUES ('Ada'); INSERT INTO orders VALUES (1, 1);");

        await database.ResetAsync();

        await using var connection = await OpenAsync();
        Assert.Equal(0L, await PostgresServerTests.ScalarAsync<long>(connection, "SELECT count(*) FROM orders"));
        Assert.Equal(0L, await PostgresServerTests.ScalarAsync<long>(connection, "SELECT count(*) FROM customers"));
        Assert.Equal(1, await PostgresServerTests.ScalarAsync<int>(connection, "INSERT INTO customers (name) VALUES ('Grace') RETURNING id"));
    }

    [Fact]
    public async Task Reset_keeps_the_migration_history()
    {
        await database.ResetAsync();

        await using var connection = await OpenAsync();
        Assert.Equal(1L, await PostgresServerTests.ScalarAsync<long>(connection, "SELECT count(*) FROM \"__EFMigrationsHistory\""));
    }

    [Fact]
    public async Task Reset_of_a_database_without_tables_succeeds()
    {
        var empty = new DatabaseReset(await PostgresServer.Instance.CreateDatabaseAsync("empty"));

        await empty.ResetAsync();
        await empty.ResetAsync();

        await using var connection = new NpgsqlConnection(empty.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(0L, await PostgresServerTests.ScalarAsync<long>(connection,
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task Tables_to_keep_survive_a_reset()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("keep");
        await PostgresServerTests.ExecuteAsync(connectionString,
            "CREATE TABLE reference_data (code text PRIMARY KEY); INSERT INTO reference_data VALUES ('EUR');" +
            "CREATE TABLE scratch (id int); INSERT INTO scratch VALUES (1);");

        await new DatabaseReset(connectionString, "reference_data").ResetAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Assert.Equal(1L, await PostgresServerTests.ScalarAsync<long>(connection, "SELECT count(*) FROM reference_data"));
        Assert.Equal(0L, await PostgresServerTests.ScalarAsync<long>(connection, "SELECT count(*) FROM scratch"));
    }

    [Fact]
    public async Task Every_migration_history_table_of_a_migration_set_survives_a_reset()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("history");
        await PostgresServerTests.ExecuteAsync(connectionString,
            "CREATE TABLE __billing_migrations (id text PRIMARY KEY); INSERT INTO __billing_migrations VALUES ('Initial');" +
            "CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (1);");

        await new DatabaseReset(connectionString).ResetAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Assert.Equal(1L, await PostgresServerTests.ScalarAsync<long>(connection, "SELECT count(*) FROM __billing_migrations"));
        Assert.Equal(0L, await PostgresServerTests.ScalarAsync<long>(connection, "SELECT count(*) FROM invoices"));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
