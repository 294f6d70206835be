using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Shared.Http;
using Reference.Infrastructure.Audit;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Audit;

/// <summary>One business-intent record per command, whatever its outcome, read back through the audit API.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuditTrailTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_succeeded_command_is_recorded_with_actor_tenant_action_resource_and_correlation()
    {
        var client = Correlated(app.Sales(), out var correlationId);

        var placed = await PlaceAsync(client);

        var record = await FindAsync(correlationId);
        Assert.Equal("acme", record.GetProperty("tenantId").GetString());
        Assert.Equal("sales@acme", record.GetProperty("actor").GetProperty("userId").GetString());
        Assert.Equal(["sales"], record.GetProperty("actor").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Orders.PlaceOrder", record.GetProperty("action").GetString());
        Assert.Equal("Order", record.GetProperty("resource").GetProperty("type").GetString());
        Assert.Equal(placed.Id.ToString(), record.GetProperty("resource").GetProperty("id").GetString());
        Assert.Equal("succeeded", record.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("hash").GetString()));
    }

    [Fact]
    public async Task A_denied_command_is_recorded_as_denied()
    {
        var client = Correlated(app.Viewer(), out var correlationId);

        var response = await client.PostAsJsonAsync("/api/orders", NewOrder(("SKU-1", 1, 1m)));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        var record = await FindAsync(correlationId);
        Assert.Equal("denied", record.GetProperty("outcome").GetString());
        Assert.Equal("authorization.denied", record.GetProperty("reason").GetString());
        Assert.Equal("viewer@acme", record.GetProperty("actor").GetProperty("userId").GetString());
        Assert.Equal("Orders.PlaceOrder", record.GetProperty("action").GetString());
    }

    [Fact]
    public async Task An_invalid_command_is_recorded_as_rejected()
    {
        var client = Correlated(app.Sales(), out var correlationId);

        var response = await client.PostAsJsonAsync("/api/orders", new { customerId = Guid.Empty, currency = "EUR", lines = Array.Empty<object>() });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        var record = await FindAsync(correlationId);
        Assert.Equal("rejected", record.GetProperty("outcome").GetString());
        Assert.Equal("validation.failed", record.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_rule_violation_is_recorded_as_rejected_with_its_code_and_the_order_is_unchanged()
    {
        var sales = app.Sales();
        var placed = await PlaceAsync(sales, ("ONLY", 1, 1m));
        (await sales.DeleteAsync($"/api/orders/{placed.Id}/lines/ONLY")).EnsureSuccessStatusCode();
        var client = Correlated(app.Sales(), out var correlationId);

        await (await ConfirmAsync(client, placed.Id)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);

        var record = await FindAsync(correlationId);
        Assert.Equal("rejected", record.GetProperty("outcome").GetString());
        Assert.Equal("order.no_lines", record.GetProperty("reason").GetString());
        Assert.Equal(placed.Id.ToString(), record.GetProperty("resource").GetProperty("id").GetString());
        Assert.Equal(2, (await GetAsync(sales, placed.Id, minVersion: 2)).Version);
    }

    [Fact]
    public async Task Sensitive_values_are_masked_in_the_details()
    {
        var client = Correlated(app.Sales(), out var correlationId);

        (await client.PostAsJsonAsync("/api/customers", new { name = "Secretive", email = "hidden@example.test" })).EnsureSuccessStatusCode();

        var details = (await FindAsync(correlationId)).GetProperty("details").GetString()!;
        Assert.Contains("Secretive", details, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden@example.test", details, StringComparison.Ordinal);
        Assert.Contains("\"email\":\"***\"", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_audit_log_needs_audit_read_and_is_itself_audited()
    {
        var denied = await app.Sales().GetAsync("/api/audit");
        var admin = Correlated(app.Admin(), out var correlationId);
        (await admin.GetAsync("/api/audit?pageSize=1")).EnsureSuccessStatusCode();

        await denied.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        var record = await FindAsync(correlationId);
        Assert.Equal("AuditLog.ReadAuditLog", record.GetProperty("action").GetString());
        Assert.Equal("succeeded", record.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_tenants_chain_verifies()
    {
        await PlaceAsync(app.Sales());

        var verification = await (await app.Admin().GetAsync("/api/audit/verify")).ReadAsAsync<JsonElement>();

        Assert.True(verification.GetProperty("isValid").GetBoolean());
        Assert.True(verification.GetProperty("recordsChecked").GetInt64() > 0);
    }

    [Fact]
    public void Retention_pruning_is_registered_as_a_recurring_job()
    {
        using var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "audit-retention");

        Assert.Equal(new AuditRetentionOptions().Cron, job.Cron);
        Assert.Equal(typeof(AuditJobs), job.Job.Type);
        Assert.Equal(nameof(AuditJobs.PruneAsync), job.Job.Method.Name);
    }

    private static HttpClient Correlated(HttpClient client, out string correlationId)
    {
        correlationId = "audit-" + Guid.NewGuid().ToString("N");
        client.DefaultRequestHeaders.Add("X-Correlation-ID", correlationId);
        return client;
    }

    private async Task<JsonElement> FindAsync(string correlationId, string tenant = ReferenceApiFactory.Acme)
    {
        var page = await (await app.Admin(tenant).GetAsync($"/api/audit?filter={Uri.EscapeDataString($"correlationId={correlationId}")}"))
            .ReadAsAsync<JsonElement>();
        return Assert.Single(page.GetProperty("items").EnumerateArray());
    }
}
