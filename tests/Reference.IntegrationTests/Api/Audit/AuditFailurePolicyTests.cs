using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reference.Features.Shared.Http;
using Reference.Infrastructure.Audit;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Audit;

/// <summary>
/// What a command does when its audit record cannot be written, shown by taking the real <c>audit_log</c> table
/// away (renamed) for the duration of one request: fail closed refuses the command and commits nothing; fail open
/// commits it and counts the lost record.
/// </summary>
public sealed class AuditFailClosedTests(AuditFailClosedTests.Factory app) : IClassFixture<AuditFailClosedTests.Factory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_command_is_refused_with_a_503_and_nothing_commits()
    {
        // 503 is this test's expected answer, so this client does not treat every 5xx as a bug.
        var sales = app.CreateDefaultClient();
        sales.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create("sales@acme", ReferenceApiFactory.Acme, ["sales"]));

        var response = await AuditTableOffline.WhileAsync(app.ConnectionString, () => sales.PostAsJsonAsync("/api/orders", NewOrder(("SKU-1", 1, 10m))));

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, ProblemTypes.AuditUnavailable);
        Assert.Equal(0, await AuditTableOffline.CountAsync(app.ConnectionString, "SELECT count(*) FROM events"));
        Assert.Equal(0, await AuditTableOffline.CountAsync(app.ConnectionString, "SELECT count(*) FROM outbox"));
        Assert.Equal(0, await AuditTableOffline.CountAsync(app.ConnectionString, "SELECT count(*) FROM audit_log"));

        await PlaceAsync(sales);
        Assert.Equal(1, await AuditTableOffline.CountAsync(app.ConnectionString, "SELECT count(*) FROM audit_log"));
    }

    public sealed class Factory : ReferenceApiFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>(base.Settings())
        {
            ["Audit:FailurePolicy"] = nameof(AuditFailurePolicy.FailClosed),
        };
    }
}

/// <inheritdoc cref="AuditFailClosedTests"/>
public sealed class AuditFailOpenTests(AuditFailOpenTests.Factory app) : IClassFixture<AuditFailOpenTests.Factory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_command_commits_and_the_lost_record_is_counted()
    {
        var sales = app.Sales();
        var correlationId = "fail-open-" + Guid.NewGuid().ToString("N");
        sales.DefaultRequestHeaders.Add("X-Correlation-ID", correlationId);
        using var lost = new LostRecordCounter(app.Services.GetRequiredService<IMeterFactory>());

        var response = await AuditTableOffline.WhileAsync(app.ConnectionString, () => sales.PostAsJsonAsync("/api/orders", NewOrder(("SKU-1", 1, 10m))));

        var placed = await response.ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        Assert.Equal(placed.Id, (await GetAsync(sales, placed.Id, placed.Version)).Id);
        Assert.Equal(1, lost.Count("Orders.PlaceOrder"));
        Assert.Equal(0, await AuditTableOffline.CountAsync(app.ConnectionString, "SELECT count(*) FROM audit_log WHERE action = 'Orders.PlaceOrder'"));
        Assert.True(await AuditTableOffline.CountAsync(app.ConnectionString, "SELECT count(*) FROM events") > 0);
    }

    public sealed class Factory : ReferenceApiFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>(base.Settings())
        {
            ["Audit:FailurePolicy"] = nameof(AuditFailurePolicy.FailOpen),
        };
    }

    /// <summary>Listens to this app's own audit meter (meters from an app's factory are distinct per host).</summary>
    private sealed class LostRecordCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<string> _actions = [];

        public LostRecordCounter(IMeterFactory appMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == AuditMetrics.RecordsLost && instrument.Meter.Scope == appMeters)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "action" && tag.Value is string action)
                    {
                        lock (_actions)
                        {
                            _actions.AddRange(Enumerable.Repeat(action, (int)value));
                        }
                    }
                }
            });
            _listener.Start();
        }

        public int Count(string action)
        {
            lock (_actions)
            {
                return _actions.Count(a => a == action);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}

/// <summary>Takes the audit table away (as an outage or a revoked grant would) around one call, then restores it.</summary>
internal static class AuditTableOffline
{
    public static async Task<T> WhileAsync<T>(string connectionString, Func<Task<T>> action)
    {
        await ExecuteAsync(connectionString, "ALTER TABLE audit_log RENAME TO audit_log_offline");
        try
        {
            return await action();
        }
        finally
        {
            await ExecuteAsync(connectionString, "ALTER TABLE audit_log_offline RENAME TO audit_log");
        }
    }

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
