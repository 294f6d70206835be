using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Messaging;
using Reference.IntegrationTests.Api.Support;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Api.Operations;

/// <summary>
/// Every capability reads its own section and validates it when the host starts: a bad value stops the
/// application before it serves anything, with a message that names the key to fix.
/// </summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("Persistence:MaxEventPayloadBytes", "0")]
    [InlineData("Persistence:IdleInTransactionTimeout", "-00:00:01")]
    [InlineData("Outbox:BatchSize", "0")]
    [InlineData("Outbox:MaxAttempts", "0")]
    [InlineData("Outbox:InitialBackoff", "00:00:00")]
    [InlineData("Outbox:PollInterval", "00:00:00")]
    [InlineData("Idempotency:Retention", "00:00:00")]
    [InlineData("Audit:VerifyPageSize", "0")]
    [InlineData("Projections:HorizonCheckInterval", "00:00:00")]
    [InlineData("Projections:Admin:ManagePermission", "projections.manage")]
    [InlineData("Jobs:DashboardPermission", "jobs.dashboard")]
    [InlineData("MultiTenancy:CrossTenantPermission", "tenants.read-all")]
    [InlineData("ReadModels:ConsistencyWait:PollInterval", "00:00:00")]
    public void A_bad_setting_stops_the_host_at_start_up_naming_its_key(string key, string value)
    {
        using var app = new MisconfiguredApiFactory(key, value);

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(key, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_host_with_a_good_value_starts_and_uses_it()
    {
        var database = await PostgresServer.Instance.CreateDatabaseAsync("startup");
        try
        {
            using (var app = new MisconfiguredApiFactory("Outbox:BatchSize", "50", database))
            {
                Assert.Equal(50, app.Services.GetRequiredService<IOptions<OutboxDispatcherOptions>>().Value.BatchSize);
            }
        }
        finally
        {
            await PostgresServer.Instance.DropDatabaseAsync(database);
        }
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);

    /// <summary>The test application with one setting overridden; it never reaches the database, which it would only use after start-up.</summary>
    private sealed class MisconfiguredApiFactory(string key, string value, string? database = null) : ReferenceApiFactory
    {
        public override string ConnectionString => database ?? "Host=127.0.0.1;Port=1;Database=never-used;Username=nobody;Timeout=1";

        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Jobs:RunServer"] = "false";
            settings[key] = value;
            return settings;
        }
    }
}
