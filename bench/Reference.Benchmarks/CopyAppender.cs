using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Reference.SharedKernel.Events;

namespace Reference.Benchmarks;

/// <summary>
/// The machine's ceiling: the same event rows written with binary COPY into the same events table,
/// one transaction per batch, with no version check and no conflict handling at all.
/// </summary>
public sealed class CopyAppender(NpgsqlDataSource dataSource) : IAppender
{
    public string Name => "Raw Npgsql binary COPY";

    public async Task<Func<int, Task>> CreateWriterAsync(int writer, int batchSize)
    {
        var streamId = $"copy-{Guid.NewGuid():N}";
        await using (var create = dataSource.CreateCommand(
            "INSERT INTO streams (tenant_id, stream_id, stream_type, version, archived, created_at, updated_at) VALUES ('bench', @s, 'Bench', 0, false, now(), now())"))
        {
            create.Parameters.AddWithValue("s", streamId);
            await create.ExecuteNonQueryAsync();
        }

        var version = 0L;
        var metadata = JsonSerializer.Serialize(new EventMetadata("bench", null, null, null), JsonEventSerializer.DefaultOptions);
        return async round =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var importer = await connection.BeginBinaryImportAsync(
                "COPY events (tenant_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at) FROM STDIN (FORMAT BINARY)"))
            {
                var now = DateTimeOffset.UtcNow;
                for (var i = 0; i < batchSize; i++)
                {
                    var evt = new ItemAdded($"sku-{round}-{i}", i + 1, 9.99m);
                    await importer.StartRowAsync();
                    await importer.WriteAsync("bench", NpgsqlDbType.Varchar);
                    await importer.WriteAsync(streamId, NpgsqlDbType.Varchar);
                    await importer.WriteAsync(++version, NpgsqlDbType.Bigint);
                    await importer.WriteAsync(evt.EventId, NpgsqlDbType.Uuid);
                    await importer.WriteAsync("bench.item-added", NpgsqlDbType.Varchar);
                    await importer.WriteAsync(1, NpgsqlDbType.Integer);
                    await importer.WriteAsync(JsonSerializer.Serialize(evt, JsonEventSerializer.DefaultOptions), NpgsqlDbType.Jsonb);
                    await importer.WriteAsync(metadata, NpgsqlDbType.Jsonb);
                    await importer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                }

                await importer.CompleteAsync();
            }

            await transaction.CommitAsync();
        };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
