using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reference.Infrastructure.Projections;
using Reference.IntegrationTests.Projections.Support;

namespace Reference.IntegrationTests.Projections;

/// <summary>
/// Rolling deployments: a newer node writes an event type this node does not know. The projection
/// applies the events around it, counts the skip and moves its checkpoint past it instead of stalling.
/// </summary>
public sealed class PostgresUnrecognizedEventTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabases.NewPostgresAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_event_of_an_unregistered_type_between_two_known_ones_is_skipped_and_passed_by_the_checkpoint()
    {
        await using var host = await ProjectionTestHost.StartAsync(_database);
        using var skipped = new SkippedEventsListener(host.Services.GetRequiredService<IMeterFactory>());
        await host.AppendAsync("acme", "c-1", new CounterOpened("c1"));
        await host.WaitForProcessedAsync(1);

        await AppendUnregisteredAsync("acme", "c-1");
        await host.AppendAsync("acme", "c-1", new CounterIncremented("c1", 5));

        await host.WaitForProcessedAsync(3);
        var counter = await host.ReadAsync("acme", "c1");
        Assert.Equal((5, 2), (counter!.Total, counter.Applied));
        var checkpoint = (await host.Checkpoints.GetAsync("counter", 1))!;
        Assert.True(checkpoint.Position > await PositionOfUnregisteredAsync(), "The checkpoint must move past the unregistered event.");
        Assert.Equal(3, checkpoint.EventsProcessed);
        Assert.Equal(1, skipped.Total);
    }

    /// <summary>What a newer deployment would write: a row of a type this process has never registered.</summary>
    private async Task AppendUnregisteredAsync(string tenantId, string streamId)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH bumped AS (
                UPDATE streams SET version = version + 1 WHERE tenant_id = @tenant AND stream_id = @stream RETURNING version)
            INSERT INTO events (tenant_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at)
            SELECT @tenant, @stream, bumped.version, gen_random_uuid(), 'counter.renamed-in-a-newer-version', 1,
                   '{"counterId":"c1","name":"renamed"}'::jsonb, '{}', now()
            FROM bumped
            """,
            connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("stream", streamId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<Reference.SharedKernel.Events.LogPosition> PositionOfUnregisteredAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT tx_id::text::bigint, global_position FROM events WHERE event_type = 'counter.renamed-in-a-newer-version'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new(reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Sums <c>reference.projection.unrecognized_events</c> from this host's meters only.</summary>
    private sealed class SkippedEventsListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public SkippedEventsListener(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ProjectionMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope)
                    && instrument.Name == "reference.projection.unrecognized_events")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
