using System.Text.Json;
using Npgsql;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Audit;

/// <summary>An edited audit row breaks the tenant's hash chain, and verification names the first broken link.</summary>
public sealed class AuditTamperTests(ReferenceApiFactory app) : IClassFixture<ReferenceApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Editing_a_stored_record_is_detected_at_its_sequence()
    {
        var sales = app.Sales(ReferenceApiFactory.Globex);
        for (var i = 0; i < 3; i++)
        {
            await PlaceAsync(sales);
        }

        var admin = app.Admin(ReferenceApiFactory.Globex);
        Assert.True((await (await admin.GetAsync("/api/audit/verify")).ReadAsAsync<JsonElement>()).GetProperty("isValid").GetBoolean());

        await TamperWithSecondRecordAsync();

        var verification = await (await admin.GetAsync("/api/audit/verify")).ReadAsAsync<JsonElement>();
        Assert.False(verification.GetProperty("isValid").GetBoolean());
        Assert.Equal(2, verification.GetProperty("firstBrokenSequence").GetInt64());
    }

    // What someone with write access to the table could do: rewrite history without recomputing the chain.
    private async Task TamperWithSecondRecordAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE audit_log SET record = replace(record, '\"userId\":\"sales@globex\"', '\"userId\":\"someone-else\"') WHERE tenant_id = 'globex' AND sequence = 2",
            connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
