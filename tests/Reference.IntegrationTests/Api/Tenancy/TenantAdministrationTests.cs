using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Tenancy;

/// <summary>
/// Tenant administration over HTTP with the database tenant store enabled: only a platform
/// administrator may create, list, read, deactivate or reactivate tenants; a tenant's own admin
/// (whose role grants <c>"*"</c>) may not, and learns nothing about other tenants by trying.
/// </summary>
public sealed class TenantAdministrationTests(TenantAdministrationTests.AdministrationApiFactory app)
    : IClassFixture<TenantAdministrationTests.AdministrationApiFactory>, IAsyncLifetime
{
    // A tenant id of this test's own: the app (and its tenant cache, a singleton) is shared by the whole class and
    // outlives the database reset between tests, so a tenant another test created or looked up must not be this one.
    private readonly string _newCo = "newco-" + Guid.NewGuid().ToString("N")[..8];

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_platform_admin_creates_a_tenant_and_reads_it_back_alone_and_in_the_list()
    {
        var platform = Platform();
        var id = char.ToUpperInvariant(_newCo[0]) + _newCo[1..]; // created in mixed case, read back in lower case

        var created = await platform.PostAsJsonAsync("/api/tenants", new { id, name = "New Company", settings = new { region = "eu" } });

        var body = await created.ReadAsAsync<TenantBody>(HttpStatusCode.Created);
        Assert.Equal($"/api/tenants/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal((id, "New Company", true, "database", false), (body.Id, body.Name, body.IsActive, body.Source, body.ReadOnly));
        Assert.Equal("eu", Assert.Single(body.Settings).Value);
        var read = await (await platform.GetAsync($"/api/tenants/{_newCo}")).ReadAsAsync<TenantBody>();
        Assert.Equal(id, read.Id);
        Assert.Equal("eu", read.Settings["region"]);
        var list = await (await platform.GetAsync("/api/tenants")).ReadAsAsync<List<TenantBody>>();
        Assert.Equal(["acme", "globex", id], list.Select(t => t.Id));
        Assert.All(list.Where(t => t.Id != id), t => Assert.True(t.ReadOnly && t.Source == "configuration"));
    }

    [Fact]
    public async Task A_created_tenant_resolves_at_once_even_after_its_id_was_remembered_as_unknown()
    {
        var newcoAdmin = app.Admin(_newCo);
        await (await newcoAdmin.GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.TenantNotFound);

        await CreateAsync(_newCo);

        var page = await (await newcoAdmin.GetAsync("/api/audit")).ReadAsAsync<JsonElement>();
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_deactivated_tenant_is_refused_at_once_and_a_reactivated_one_is_served_again()
    {
        await CreateAsync(_newCo);
        var newcoAdmin = app.Admin(_newCo);
        (await newcoAdmin.GetAsync("/api/audit")).EnsureSuccessStatusCode();

        var deactivated = await (await Platform().PostAsync($"/api/tenants/{_newCo}/deactivate", null)).ReadAsAsync<TenantBody>();

        Assert.False(deactivated.IsActive);
        var refused = await (await newcoAdmin.GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantDeactivated);
        Assert.Equal("tenant.deactivated", refused.GetProperty("code").GetString());
        Assert.False((await (await Platform().GetAsync($"/api/tenants/{_newCo}")).ReadAsAsync<TenantBody>()).IsActive);

        var reactivated = await (await Platform().PostAsync($"/api/tenants/{_newCo}/reactivate", null)).ReadAsAsync<TenantBody>();

        Assert.True(reactivated.IsActive);
        (await newcoAdmin.GetAsync("/api/audit")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_tenant_admin_can_neither_manage_nor_see_tenants_and_cannot_tell_which_exist()
    {
        await CreateAsync(_newCo);
        var acmeAdmin = app.Admin(ReferenceApiFactory.Acme);

        HttpResponseMessage[] attempts =
        [
            await acmeAdmin.GetAsync("/api/tenants"),
            await acmeAdmin.GetAsync("/api/tenants/globex"),
            await acmeAdmin.GetAsync("/api/tenants/acme"),
            await acmeAdmin.GetAsync("/api/tenants/no-such-tenant"),
            await acmeAdmin.PostAsJsonAsync("/api/tenants", new { id = "umbrella", name = "Umbrella" }),
            await acmeAdmin.PostAsJsonAsync("/api/tenants", new { id = _newCo, name = "Duplicate" }),
            await acmeAdmin.PostAsync($"/api/tenants/{_newCo}/deactivate", null),
            await acmeAdmin.PostAsync("/api/tenants/no-such-tenant/deactivate", null),
        ];

        foreach (var attempt in attempts)
        {
            var problem = await attempt.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
            Assert.Equal("authorization.denied", problem.GetProperty("code").GetString());
        }

        (await app.Admin(_newCo).GetAsync("/api/audit")).EnsureSuccessStatusCode();
        await (await app.Admin("umbrella").GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.TenantNotFound);
    }

    [Fact]
    public async Task A_tenant_admin_cannot_reach_into_a_new_tenant_by_naming_it_in_the_header()
    {
        await CreateAsync(_newCo);
        var acmeAdmin = app.Admin(ReferenceApiFactory.Acme);
        acmeAdmin.DefaultRequestHeaders.Add("X-Tenant-ID", _newCo);

        var response = await acmeAdmin.GetAsync("/api/audit");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantMismatch);
    }

    [Fact]
    public async Task Reading_tenants_needs_the_read_permission_and_changing_them_the_manage_permission()
    {
        var reader = app.WithToken(TestTokens.Create("auditor@platform", null, [], ["platform.tenants.read"]));

        (await reader.GetAsync("/api/tenants")).EnsureSuccessStatusCode();
        await (await reader.PostAsJsonAsync("/api/tenants", new { id = _newCo, name = "New Company" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await (await app.Anonymous().GetAsync("/api/tenants")).AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthenticated);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_duplicate_of_a_database_tenant_id_in_any_casing_is_a_conflict(bool upperCase)
    {
        await CreateAsync(_newCo);

        await AssertDuplicateIsAConflictAsync(upperCase ? _newCo.ToUpperInvariant() : _newCo);
    }

    [Theory]
    [InlineData("ACME")]
    [InlineData("globex")]
    public async Task A_duplicate_of_a_configuration_tenant_id_in_any_casing_is_a_conflict(string id)
    {
        await CreateAsync(_newCo);

        await AssertDuplicateIsAConflictAsync(id);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_id_make_one_tenant_and_conflicts_for_the_rest()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Platform().PostAsJsonAsync("/api/tenants", new { id = i % 2 == 0 ? _newCo : _newCo.ToUpperInvariant(), name = $"Attempt {i}" })));

        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var conflict in attempts.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await conflict.AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.AlreadyExists);
        }

        var tenants = await (await Platform().GetAsync("/api/tenants")).ReadAsAsync<List<TenantBody>>();
        Assert.Single(tenants, t => t.Source == "database");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("dotted.name")]
    [InlineData("-leading")]
    [InlineData("under_score")]
    [InlineData("system")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_malformed_or_reserved_id_is_a_validation_problem_naming_the_field(string id)
    {
        var response = await Platform().PostAsJsonAsync("/api/tenants", new { id, name = "Bad" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _), problem.ToString());
        var tenants = await (await Platform().GetAsync("/api/tenants")).ReadAsAsync<List<TenantBody>>();
        Assert.DoesNotContain(tenants, t => t.Source == "database");
    }

    [Fact]
    public async Task A_missing_name_is_a_validation_problem()
    {
        var response = await Platform().PostAsJsonAsync("/api/tenants", new { id = _newCo, name = "" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.ToString());
    }

    [Theory]
    [InlineData("deactivate")]
    [InlineData("reactivate")]
    public async Task A_configuration_tenant_is_read_only(string action)
    {
        var response = await Platform().PostAsync($"/api/tenants/ACME/{action}", null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal("tenant.read_only", problem.GetProperty("code").GetString());
        (await app.Admin(ReferenceApiFactory.Acme).GetAsync("/api/audit")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_unknown_tenant_is_not_found_for_reads_and_changes()
    {
        await (await Platform().GetAsync("/api/tenants/no-such-tenant")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await (await Platform().PostAsync("/api/tenants/no-such-tenant/deactivate", null)).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Administration_is_audited_under_the_system_tenant_succeeded_and_denied_alike()
    {
        var platform = Correlated(Platform(), out var createdCorrelation);
        var acmeAdmin = Correlated(app.Admin(ReferenceApiFactory.Acme), out var deniedCorrelation);

        (await platform.PostAsJsonAsync("/api/tenants", new { id = _newCo, name = "New Company", settings = new { connectionString = "Host=secret" } }))
            .EnsureSuccessStatusCode();
        await (await acmeAdmin.PostAsJsonAsync("/api/tenants", new { id = "umbrella", name = "Umbrella" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);

        var created = await SystemAuditRecordAsync(createdCorrelation);
        Assert.Equal(("Tenants.CreateTenant", "succeeded", "ops@platform", _newCo), (created.Action, created.Outcome, created.Actor, created.ResourceId));
        Assert.DoesNotContain("secret", created.Record, StringComparison.Ordinal);
        var denied = await SystemAuditRecordAsync(deniedCorrelation);
        Assert.Equal(("Tenants.CreateTenant", "denied", "admin@acme", "umbrella"), (denied.Action, denied.Outcome, denied.Actor, denied.ResourceId));
        var acmeTrail = (await (await app.Admin(ReferenceApiFactory.Acme).GetAsync("/api/audit?pageSize=100")).ReadAsAsync<JsonElement>())
            .GetProperty("items").EnumerateArray().ToList();
        Assert.DoesNotContain(acmeTrail, r => r.GetProperty("action").GetString()!.StartsWith("Tenants.", StringComparison.Ordinal));
    }

    private async Task AssertDuplicateIsAConflictAsync(string id)
    {
        var response = await Platform().PostAsJsonAsync("/api/tenants", new { id, name = "Duplicate" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.AlreadyExists);
        Assert.Equal("tenant.already_exists", problem.GetProperty("code").GetString());
        Assert.Equal(3, (await (await Platform().GetAsync("/api/tenants")).ReadAsAsync<List<TenantBody>>()).Count);
    }

    private HttpClient Platform() => app.As("ops@platform", tenantId: null, "platform-admin");

    private async Task CreateAsync(string id) =>
        await (await Platform().PostAsJsonAsync("/api/tenants", new { id, name = $"{id} Ltd" })).ReadAsAsync<TenantBody>(HttpStatusCode.Created);

    private static HttpClient Correlated(HttpClient client, out string correlationId)
    {
        correlationId = "tenants-" + Guid.NewGuid().ToString("N");
        client.DefaultRequestHeaders.Add("X-Correlation-ID", correlationId);
        return client;
    }

    private async Task<AuditRow> SystemAuditRecordAsync(string correlationId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT action, outcome, actor_id, resource_id, record FROM audit_log WHERE tenant_id = 'system' AND correlation_id = @correlation",
            connection);
        command.Parameters.AddWithValue("correlation", correlationId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No system audit record for {correlationId}.");
        var row = new AuditRow(reader.GetString(0), reader.GetString(1).ToLowerInvariant(), reader.GetString(2), reader.GetString(3), reader.GetString(4));
        Assert.False(await reader.ReadAsync());
        return row;
    }

    private sealed record AuditRow(string Action, string Outcome, string Actor, string ResourceId, string Record);

    private sealed record TenantBody(string Id, string Name, Dictionary<string, string> Settings, bool IsActive, string Source, bool ReadOnly);

    /// <summary>The test application with the writable database tenant store after the configuration one.</summary>
    public sealed class AdministrationApiFactory : ReferenceApiFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["MultiTenancy:Stores:0"] = "Configuration";
            settings["MultiTenancy:Stores:1"] = "Database";
            return settings;
        }
    }
}
