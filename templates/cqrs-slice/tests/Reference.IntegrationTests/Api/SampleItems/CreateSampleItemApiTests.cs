using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Reference.Features.SampleItems;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Events;

namespace Reference.IntegrationTests.Api.SampleItems;

/// <summary>
/// <c>POST /api/sample-items</c> over real HTTP on PostgreSQL: the whole pipeline (tenancy, permission, validation,
/// audit, unit of work) runs, the event lands in the caller's tenant only, and bad input is a problem, never a 500.
/// </summary>
public sealed class CreateSampleItemApiTests(ReferenceApiFactory app) : IClassFixture<ReferenceApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Creating_answers_201_and_appends_the_event_in_the_callers_tenant_only()
    {
        var response = await app.Admin(ReferenceApiFactory.Acme).PostAsJsonAsync("/api/sample-items", new { name = "First" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sampleItemId = await response.Content.ReadFromJsonAsync<Guid>();
        Assert.Equal(1L, await EventsInAsync(ReferenceApiFactory.Acme, sampleItemId));
        Assert.Equal(0L, await EventsInAsync(ReferenceApiFactory.Globex, sampleItemId));
    }

    [Fact]
    public async Task Another_tenants_caller_never_writes_into_this_tenant()
    {
        var response = await app.Admin(ReferenceApiFactory.Globex).PostAsJsonAsync("/api/sample-items", new { name = "Theirs" });

        var sampleItemId = await response.Content.ReadFromJsonAsync<Guid>();
        Assert.Equal(0L, await EventsInAsync(ReferenceApiFactory.Acme, sampleItemId));
        Assert.Equal(1L, await EventsInAsync(ReferenceApiFactory.Globex, sampleItemId));
    }

    [Fact]
    public async Task A_blank_name_is_a_validation_problem_and_appends_nothing()
    {
        var response = await app.Admin().PostAsJsonAsync("/api/sample-items", new { name = " " });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_caller_without_the_write_permission_is_forbidden()
    {
        var response = await app.Viewer().PostAsJsonAsync("/api/sample-items", new { name = "First" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM events"));
    }

    private Task<long> EventsInAsync(string tenantId, Guid sampleItemId) => CountAsync(
        """
        SELECT count(*) FROM events e JOIN streams s ON s.tenant_id = e.tenant_id AND s.stream_id = e.stream_id
        WHERE e.tenant_id = @tenant AND e.stream_id = @stream AND s.stream_type = @type
        """,
        ("tenant", tenantId), ("stream", StreamNames.IdOf(sampleItemId)), ("type", StreamNames.TypeOf<SampleItem>()));

    private async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
