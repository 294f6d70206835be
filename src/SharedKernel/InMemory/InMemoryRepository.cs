using System.Collections.Immutable;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// <see cref="IRepository{TAggregate,TId}"/> for state-stored aggregates, in memory. It keeps a private
/// copy of each aggregate (made by the given <c>copy</c> function), so changes count only once saved,
/// as with a database. Saving checks the version, then writes the row, the pending events (to the
/// aggregate's stream, id as text) and their outbox messages in one unit of work.
/// Ids are unique across tenants: writing another tenant's row is a <see cref="TenantMismatchException"/>,
/// reading it finds nothing.
/// </summary>
public sealed class InMemoryRepository<TAggregate, TId>(
    InMemoryDatabase database,
    ITenantContext tenants,
    IUnitOfWork unitOfWork,
    IEventStore eventStore,
    IOutbox outbox,
    OutboxMessageFactory messages,
    Func<TAggregate, TAggregate> copy) : IRepository<TAggregate, TId>
    where TAggregate : AggregateRoot<TId>
    where TId : notnull
{
    private static readonly string StreamType = typeof(TAggregate).Name;

    private static readonly InMemoryTable<ImmutableDictionary<TId, Row>> Rows =
        new($"aggregates:{typeof(TAggregate).FullName}", ImmutableDictionary<TId, Row>.Empty);

    public Task<TAggregate?> GetAsync(TId id, CancellationToken cancellationToken = default)
    {
        var tenantId = tenants.RequireTenantId();
        return Task.FromResult(
            database.Read(Rows).TryGetValue(id, out var row) && row.TenantId == tenantId ? Detach(row) : null);
    }

    public Task SaveAsync(TAggregate aggregate, CancellationToken cancellationToken = default) =>
        WriteAsync(aggregate, delete: false, cancellationToken);

    public Task DeleteAsync(TAggregate aggregate, CancellationToken cancellationToken = default) =>
        WriteAsync(aggregate, delete: true, cancellationToken);

    private async Task WriteAsync(TAggregate aggregate, bool delete, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var tenantId = tenants.RequireTenantId();
        var pending = aggregate.PendingEvents.ToList();

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var newVersion = await database.WriteAsync(
            tx =>
            {
                var rows = tx.Get(Rows);
                var stored = rows.GetValueOrDefault(aggregate.Id);
                CheckWrite(tenantId, aggregate, stored, delete);
                var version = aggregate.Version + 1;
                tx.Set(Rows, delete ? rows.Remove(aggregate.Id) : rows.SetItem(aggregate.Id, new Row(tenantId, copy(aggregate), version)));
                return version;
            },
            cancellationToken);

        if (pending.Count > 0)
        {
            var streamId = aggregate.Id.ToString()!;
            await eventStore.AppendAsync(streamId, StreamType, ExpectedVersion.Any, pending, cancellationToken);
            await outbox.EnqueueAsync([.. pending.Select(e => messages.Create(StreamType, streamId, e))], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        aggregate.MarkPersisted(newVersion);
    }

    private static void CheckWrite(string tenantId, TAggregate aggregate, Row? stored, bool delete)
    {
        if (stored is not null && stored.TenantId != tenantId)
        {
            throw new TenantMismatchException(tenantId, $"{StreamType}/{aggregate.Id}");
        }

        var actual = stored?.Version ?? 0;
        var isInsert = aggregate.Version == 0 && !delete;
        if ((isInsert && stored is not null) || (!isInsert && actual != aggregate.Version) || (delete && stored is null))
        {
            throw new ConcurrencyConflictException($"{StreamType}/{aggregate.Id}", aggregate.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), actual);
        }
    }

    private TAggregate Detach(Row row)
    {
        var aggregate = copy(row.State);
        aggregate.SetPersistedVersion(row.Version);
        return aggregate;
    }

    private sealed record Row(string TenantId, TAggregate State, long Version);
}
