using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Processes;

namespace Reference.Infrastructure.Processes;

/// <summary>
/// Process instances and their commands in the write side's database, through the session: inside a unit of work
/// every statement joins its transaction (an instance, its inbox row and its new commands commit together or not at
/// all), otherwise each runs in a short transaction of its own. Hand-written SQL, the same on PostgreSQL and SQLite.
/// Every method names its tenant: the engine passes the ambient one, the dispatcher the command's own.
/// </summary>
public sealed class ProcessStore(PersistenceSession session)
{
    private const string InstanceColumns =
        "tenant_id, id, type, correlation_key, status, step, document, version, deadline_ms, failure_code, last_error, created_ms, updated_ms";

    private const string CommandColumns =
        "c.tenant_id, c.id, c.instance_id, i.type, c.seq, c.name, c.payload, c.correlation_id, c.status, c.attempts, c.last_error, c.created_ms, c.dispatched_ms";

    public Task InsertAsync(string tenantId, ProcessInstance instance, CancellationToken cancellationToken) =>
        session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(connection, transaction, $"INSERT INTO {ProcessTables.Instances} ({InstanceColumns}) VALUES (@tenant, @id, @type, @key, @status, @step, @document, @version, @deadline, @failure, @error, @created, @updated)");
                AddInstance(command, tenantId, instance, instance.Version);
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    /// <summary>Saves <paramref name="instance"/> if it is still at <paramref name="expectedVersion"/>; false when someone saved first.</summary>
    public async Task<bool> UpdateAsync(string tenantId, ProcessInstance instance, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var updated = await session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(
                    connection,
                    transaction,
                    $"UPDATE {ProcessTables.Instances} SET status = @status, step = @step, document = @document, version = @version, deadline_ms = @deadline, failure_code = @failure, last_error = @error, updated_ms = @updated WHERE tenant_id = @tenant AND id = @id AND version = @expected");
                AddInstance(command, tenantId, instance, expectedVersion + 1);
                Add(command, "@expected", expectedVersion);
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
        if (updated == 1)
        {
            instance.Version = expectedVersion + 1;
        }

        return updated == 1;
    }

    public Task<ProcessInstance?> FindByKeyAsync(string tenantId, string type, string correlationKey, CancellationToken cancellationToken) =>
        FindOneAsync("tenant_id = @tenant AND type = @type AND correlation_key = @key", c =>
        {
            Add(c, "@tenant", tenantId);
            Add(c, "@type", type);
            Add(c, "@key", correlationKey);
        }, cancellationToken);

    public Task<ProcessInstance?> FindAsync(string tenantId, Guid id, CancellationToken cancellationToken) =>
        FindOneAsync("tenant_id = @tenant AND id = @id", c =>
        {
            Add(c, "@tenant", tenantId);
            Add(c, "@id", id.ToString());
        }, cancellationToken);

    /// <summary>Records that the instance handled <paramref name="messageId"/>; false when it already had (a redelivery).</summary>
    public async Task<bool> TryRecordMessageAsync(string tenantId, Guid instanceId, Guid messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(connection, transaction, $"INSERT INTO {ProcessTables.Inbox} (tenant_id, instance_id, message_id, processed_ms) VALUES (@tenant, @instance, @message, @now) ON CONFLICT DO NOTHING");
                Add(command, "@tenant", tenantId);
                Add(command, "@instance", instanceId.ToString());
                Add(command, "@message", messageId.ToString());
                Add(command, "@now", now.ToUnixTimeMilliseconds());
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken) == 1;

    /// <summary>Stores the instance's new commands as pending, after any it already has, in the order given.</summary>
    public Task AddCommandsAsync(string tenantId, Guid instanceId, IReadOnlyList<ProcessCommand> commands, string correlationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (commands.Count == 0)
        {
            return Task.CompletedTask;
        }

        return session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using (var max = Command(connection, transaction, $"SELECT COALESCE(MAX(seq), 0) FROM {ProcessTables.Commands} WHERE tenant_id = @tenant AND instance_id = @instance"))
                {
                    Add(max, "@tenant", tenantId);
                    Add(max, "@instance", instanceId.ToString());
                    var next = Convert.ToInt64(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                    foreach (var processCommand in commands)
                    {
                        next++;
                        await using var insert = Command(
                            connection,
                            transaction,
                            $"INSERT INTO {ProcessTables.Commands} (tenant_id, id, instance_id, seq, name, payload, correlation_id, status, attempts, next_attempt_ms, created_ms) VALUES (@tenant, @id, @instance, @seq, @name, @payload, @correlation, @status, 0, @now, @now)");
                        Add(insert, "@tenant", tenantId);
                        Add(insert, "@id", Guid.NewGuid().ToString());
                        Add(insert, "@instance", instanceId.ToString());
                        Add(insert, "@seq", next);
                        Add(insert, "@name", processCommand.Name);
                        Add(insert, "@payload", processCommand.Payload);
                        Add(insert, "@correlation", correlationId);
                        Add(insert, "@status", ProcessCommandStatus.Pending);
                        Add(insert, "@now", now.ToUnixTimeMilliseconds());
                        await insert.ExecuteNonQueryAsync(ct);
                    }
                }

                return 0;
            },
            cancellationToken);
    }

    /// <summary>
    /// Claims, across tenants, the first pending command of each instance that is due and not leased by another
    /// dispatcher (one per instance, so an instance's commands go out in order), leasing it until <paramref name="leaseUntil"/>.
    /// </summary>
    public async Task<IReadOnlyList<StoredProcessCommand>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        var candidates = await session.ReadCommittedAsync(
            async (connection, ct) =>
            {
                await using var command = Command(
                    connection,
                    null,
                    $"SELECT {CommandColumns} FROM {ProcessTables.Commands} c JOIN {ProcessTables.Instances} i ON i.tenant_id = c.tenant_id AND i.id = c.instance_id " +
                    $"WHERE c.status = @pending AND c.next_attempt_ms <= @now AND (c.lease_until_ms IS NULL OR c.lease_until_ms < @now) " +
                    $"AND c.seq = (SELECT MIN(p.seq) FROM {ProcessTables.Commands} p WHERE p.tenant_id = c.tenant_id AND p.instance_id = c.instance_id AND p.status = @pending) " +
                    "ORDER BY c.created_ms, c.seq LIMIT @limit");
                Add(command, "@pending", ProcessCommandStatus.Pending);
                Add(command, "@now", now.ToUnixTimeMilliseconds());
                Add(command, "@limit", limit);
                return await ReadCommandsAsync(command, ct);
            },
            cancellationToken);

        var claimed = new List<StoredProcessCommand>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var taken = await session.WriteAsync(
                async (connection, transaction, ct) =>
                {
                    await using var command = Command(connection, transaction, $"UPDATE {ProcessTables.Commands} SET lease_until_ms = @until WHERE tenant_id = @tenant AND id = @id AND status = @pending AND (lease_until_ms IS NULL OR lease_until_ms < @now)");
                    Add(command, "@until", leaseUntil.ToUnixTimeMilliseconds());
                    Add(command, "@tenant", candidate.TenantId);
                    Add(command, "@id", candidate.Id.ToString());
                    Add(command, "@pending", ProcessCommandStatus.Pending);
                    Add(command, "@now", now.ToUnixTimeMilliseconds());
                    return await command.ExecuteNonQueryAsync(ct);
                },
                cancellationToken);
            if (taken == 1)
            {
                claimed.Add(candidate);
            }
        }

        return claimed;
    }

    public Task MarkDispatchedAsync(StoredProcessCommand command, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetCommandAsync(command, "status = @status, dispatched_ms = @now, lease_until_ms = NULL, attempts = attempts + 1", ProcessCommandStatus.Dispatched, now, null, null, cancellationToken);

    public Task MarkRetryAsync(StoredProcessCommand command, string error, DateTimeOffset now, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        SetCommandAsync(command, "status = @status, next_attempt_ms = @retry, lease_until_ms = NULL, attempts = attempts + 1, last_error = @error", ProcessCommandStatus.Pending, now, error, retryAt, cancellationToken);

    public Task MarkRefusedAsync(StoredProcessCommand command, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetCommandAsync(command, "status = @status, dispatched_ms = @now, lease_until_ms = NULL, attempts = attempts + 1, last_error = @error", ProcessCommandStatus.Refused, now, error, null, cancellationToken);

    /// <summary>A compensating instance whose every command has gone out is failed for good.</summary>
    public Task SettleAsync(string tenantId, Guid instanceId, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(
                    connection,
                    transaction,
                    $"UPDATE {ProcessTables.Instances} SET status = @failed, version = version + 1, updated_ms = @now WHERE tenant_id = @tenant AND id = @id AND status = @compensating " +
                    $"AND NOT EXISTS (SELECT 1 FROM {ProcessTables.Commands} c WHERE c.tenant_id = @tenant AND c.instance_id = @id AND c.status = @pending)");
                Add(command, "@failed", nameof(ProcessStatus.Failed));
                Add(command, "@compensating", nameof(ProcessStatus.Compensating));
                Add(command, "@pending", ProcessCommandStatus.Pending);
                Add(command, "@tenant", tenantId);
                Add(command, "@id", instanceId.ToString());
                Add(command, "@now", now.ToUnixTimeMilliseconds());
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    /// <summary>Running instances, across tenants, whose earliest timeout is due before <paramref name="before"/>.</summary>
    public Task<IReadOnlyList<(string TenantId, Guid Id)>> OverdueAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        session.ReadCommittedAsync<IReadOnlyList<(string, Guid)>>(
            async (connection, ct) =>
            {
                await using var command = Command(connection, null, $"SELECT tenant_id, id FROM {ProcessTables.Instances} WHERE status = @running AND deadline_ms IS NOT NULL AND deadline_ms < @before ORDER BY deadline_ms LIMIT @limit");
                Add(command, "@running", nameof(ProcessStatus.Running));
                Add(command, "@before", before.ToUnixTimeMilliseconds());
                Add(command, "@limit", limit);
                var found = new List<(string, Guid)>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    found.Add((reader.GetString(0), Guid.Parse(reader.GetString(1))));
                }

                return found;
            },
            cancellationToken);

    /// <summary>The tenant's instances, newest change first, optionally of one type or status.</summary>
    public Task<IReadOnlyList<ProcessInstance>> ListAsync(string tenantId, string? type, string? status, int limit, CancellationToken cancellationToken) =>
        session.ReadAsync<IReadOnlyList<ProcessInstance>>(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(
                    connection,
                    transaction,
                    $"SELECT {InstanceColumns} FROM {ProcessTables.Instances} WHERE tenant_id = @tenant AND (@type = '' OR type = @type) AND (@status = '' OR status = @status) ORDER BY updated_ms DESC LIMIT @limit");
                Add(command, "@tenant", tenantId);
                Add(command, "@type", type ?? "");
                Add(command, "@status", status ?? "");
                Add(command, "@limit", limit);
                return await ReadInstancesAsync(command, ct);
            },
            cancellationToken);

    /// <summary>Every command of one instance of the tenant, in order.</summary>
    public Task<IReadOnlyList<StoredProcessCommand>> CommandsOfAsync(string tenantId, Guid instanceId, CancellationToken cancellationToken) =>
        session.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(
                    connection,
                    transaction,
                    $"SELECT {CommandColumns} FROM {ProcessTables.Commands} c JOIN {ProcessTables.Instances} i ON i.tenant_id = c.tenant_id AND i.id = c.instance_id WHERE c.tenant_id = @tenant AND c.instance_id = @instance ORDER BY c.seq");
                Add(command, "@tenant", tenantId);
                Add(command, "@instance", instanceId.ToString());
                return await ReadCommandsAsync(command, ct);
            },
            cancellationToken);

    private Task SetCommandAsync(StoredProcessCommand stored, string set, string status, DateTimeOffset now, string? error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(connection, transaction, $"UPDATE {ProcessTables.Commands} SET {set} WHERE tenant_id = @tenant AND id = @id");
                Add(command, "@status", status);
                Add(command, "@now", now.ToUnixTimeMilliseconds());
                Add(command, "@error", error);
                Add(command, "@retry", retryAt?.ToUnixTimeMilliseconds() ?? 0L);
                Add(command, "@tenant", stored.TenantId);
                Add(command, "@id", stored.Id.ToString());
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    private Task<ProcessInstance?> FindOneAsync(string where, Action<DbCommand> parameters, CancellationToken cancellationToken) =>
        session.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(connection, transaction, $"SELECT {InstanceColumns} FROM {ProcessTables.Instances} WHERE {where}");
                parameters(command);
                var found = await ReadInstancesAsync(command, ct);
                return found.Count == 0 ? null : found[0];
            },
            cancellationToken);

    private static async Task<IReadOnlyList<ProcessInstance>> ReadInstancesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var found = new List<ProcessInstance>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var document = JsonSerializer.Deserialize<ProcessDocument>(reader.GetString(6), ProcessJson.Options)!;
            found.Add(new ProcessInstance
            {
                Id = Guid.Parse(reader.GetString(1)),
                Type = reader.GetString(2),
                CorrelationKey = reader.GetString(3),
                Status = Enum.Parse<ProcessStatus>(reader.GetString(4)),
                CurrentStep = reader.IsDBNull(5) ? null : reader.GetString(5),
                State = document.State,
                Steps = document.Steps,
                Timeouts = document.Timeouts,
                History = document.History,
                Version = reader.GetInt64(7),
                FailureCode = reader.IsDBNull(9) ? null : reader.GetString(9),
                LastError = reader.IsDBNull(10) ? null : reader.GetString(10),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)),
            });
        }

        return found;
    }

    private static async Task<IReadOnlyList<StoredProcessCommand>> ReadCommandsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var found = new List<StoredProcessCommand>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new StoredProcessCommand(
                reader.GetString(0),
                Guid.Parse(reader.GetString(1)),
                Guid.Parse(reader.GetString(2)),
                reader.GetString(3),
                reader.GetInt64(4),
                new ProcessCommand(reader.GetString(5), reader.GetString(6)),
                reader.GetString(7),
                reader.GetString(8),
                reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
                reader.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12))));
        }

        return found;
    }

    private static void AddInstance(DbCommand command, string tenantId, ProcessInstance instance, long version)
    {
        var document = new ProcessDocument(instance.State, instance.Steps, instance.Timeouts, instance.History);
        Add(command, "@tenant", tenantId);
        Add(command, "@id", instance.Id.ToString());
        Add(command, "@type", instance.Type);
        Add(command, "@key", instance.CorrelationKey);
        Add(command, "@status", instance.Status.ToString());
        Add(command, "@step", instance.CurrentStep);
        Add(command, "@document", JsonSerializer.Serialize(document, ProcessJson.Options));
        Add(command, "@version", version);
        Add(command, "@deadline", instance.Deadline?.ToUnixTimeMilliseconds());
        Add(command, "@failure", instance.FailureCode);
        Add(command, "@error", instance.LastError);
        Add(command, "@created", instance.CreatedAt.ToUnixTimeMilliseconds());
        Add(command, "@updated", instance.UpdatedAt.ToUnixTimeMilliseconds());
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
