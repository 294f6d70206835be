using Npgsql;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Customers;

/// <summary>The state-stored aggregates' tables come from the application's migrations, not from the model.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerSchemaTests(ReferenceApiFactory app)
{
    [Fact]
    public async Task The_customer_table_is_created_by_the_state_store_migration()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT array_agg("MigrationId" ORDER BY "MigrationId") FROM __state_migrations""", connection);

        var applied = (string[])(await command.ExecuteScalarAsync())!;

        Assert.Contains(applied, id => id.EndsWith("_InitialStateStore", StringComparison.Ordinal));
    }
}
