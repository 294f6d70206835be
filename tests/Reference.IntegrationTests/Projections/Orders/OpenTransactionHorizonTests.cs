using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Reference.Infrastructure.Projections;
using Reference.IntegrationTests.Api.Support;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Projections.Orders;

/// <summary>
/// A write transaction left open anywhere in the database (here: a second connection, as a psql session or a
/// stuck batch job would hold one) keeps projections from reading anything committed after it began. That is
/// correct (ADR 0003) but must never be silent: the age is a metric, readiness says <c>Degraded</c> naming the
/// session, and the log warns, until the transaction ends and the projection catches up.
/// </summary>
public sealed class OpenTransactionHorizonTests(OpenTransactionHorizonTests.Factory app) : IClassFixture<OpenTransactionHorizonTests.Factory>
{
    private const string StuckApplication = "stuck-importer";

    private sealed record ListBody(List<ItemBody> Items);

    private sealed record ItemBody(Guid Id);

    [Fact]
    public async Task A_transaction_left_open_holds_the_horizon_and_is_reported_until_it_ends()
    {
        using var horizon = new HorizonGauge(app.Services.GetRequiredService<IMeterFactory>());
        await using var stuck = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { ApplicationName = StuckApplication }.ConnectionString);
        await stuck.OpenAsync();
        var pid = stuck.ProcessID;
        var transaction = await stuck.BeginTransactionAsync();
        await using (var write = new NpgsqlCommand("SELECT pg_current_xact_id()", stuck, transaction))
        {
            // What any first write does: the transaction takes an id, and the horizon cannot pass it until it ends.
            await write.ExecuteScalarAsync();
        }

        var sales = app.Sales();
        var placed = await OrdersApi.PlaceAsync(sales);

        var entry = await Eventually.ReturnsAsync(
            ReadinessEntryAsync, e => e.GetProperty("status").GetString() == "Degraded", TimeSpan.FromSeconds(30));
        var description = entry.GetProperty("description").GetString()!;
        Assert.Contains($"pid {pid.ToString(CultureInfo.InvariantCulture)}", description, StringComparison.Ordinal);
        Assert.Contains(StuckApplication, description, StringComparison.Ordinal);
        var data = entry.GetProperty("data");
        Assert.Equal(pid, data.GetProperty("pid").GetInt32());
        Assert.Equal("idle in transaction", data.GetProperty("state").GetString());
        Assert.Equal(StuckApplication, data.GetProperty("applicationName").GetString());
        Assert.True(data.GetProperty("transactionAgeSeconds").GetDouble() >= 1);
        Assert.True(data.GetProperty("heldBackEvents").GetInt64() >= 1);
        // The gauge reads the monitor's last sample, which may trail the readiness check by one interval.
        await Eventually.ReturnsAsync(horizon.BlockedSecondsAsync, seconds => seconds >= 1, TimeSpan.FromSeconds(30));
        await Eventually.ReturnsAsync(
            () => Task.FromResult(app.Logs.Entries),
            logs => logs.Any(l => l.Level == LogLevel.Warning && l.Message.Contains($"pid {pid.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal)
                && l.Message.Contains(StuckApplication, StringComparison.Ordinal)
                && l.Message.Contains("pg_terminate_backend", StringComparison.Ordinal)));
        Assert.DoesNotContain(await ListedAsync(sales), i => i.Id == placed.Id);

        await transaction.RollbackAsync();

        await Eventually.ReturnsAsync(() => ListedAsync(sales), items => items.Any(i => i.Id == placed.Id));
        await Eventually.ReturnsAsync(ReadinessEntryAsync, e => e.GetProperty("status").GetString() == "Healthy", TimeSpan.FromSeconds(30));
        await Eventually.ReturnsAsync(horizon.BlockedSecondsAsync, seconds => seconds < 1, TimeSpan.FromSeconds(30));
    }

    private async Task<JsonElement> ReadinessEntryAsync()
    {
        var response = await app.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return Assert.Single(report.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "projection-horizon");
    }

    private static async Task<List<ItemBody>> ListedAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/orders?pageSize=100");
        return (await response.ReadAsAsync<ListBody>()).Items;
    }

    /// <summary>
    /// The app's own database, checked often and warned about after a second, on a cluster of its own: the open
    /// transaction would otherwise hold back the horizon of every other test's database on the shared server.
    /// </summary>
    public sealed class Factory : ReferenceApiFactory
    {
        public CollectedLogs Logs { get; } = new();

        protected override Task<string> CreateDatabaseAsync() => PostgresServer.Instance.CreateIsolatedDatabaseAsync("open-transaction", "horizon");

        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Projections:HorizonWarningAfter"] = "00:00:01";
            settings["Projections:HorizonCheckInterval"] = "00:00:00.200";
            return settings;
        }

        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
    }

    /// <summary>Reads <c>reference.projection.horizon.blocked_seconds</c> from this app's meters only.</summary>
    private sealed class HorizonGauge : IDisposable
    {
        private readonly MeterListener _listener = new();
        private double _last;

        public HorizonGauge(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ProjectionMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope)
                    && instrument.Name == "reference.projection.horizon.blocked_seconds")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _last = value);
            _listener.Start();
        }

        public Task<double> BlockedSecondsAsync()
        {
            _last = -1;
            _listener.RecordObservableInstruments();
            return Task.FromResult(_last);
        }

        public void Dispose() => _listener.Dispose();
    }
}
