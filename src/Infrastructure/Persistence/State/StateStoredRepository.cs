using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.State;

/// <summary>
/// <see cref="IRepository{TAggregate,TId}"/> on EF Core. A save updates the row only if its version
/// is still the one the aggregate was loaded at, then appends the aggregate's pending domain events
/// to its stream (stream id = aggregate id, stream type = aggregate type name) and to the outbox:
/// all in one transaction, joining the active unit of work if there is one.
/// </summary>
public sealed class StateStoredRepository<TAggregate, TId>(
    PersistenceSession session,
    StateDbContextFactory contexts,
    IEventStore eventStore,
    IOutbox outbox,
    OutboxMessageFactory messages,
    ITenantContext tenantContext) : IRepository<TAggregate, TId>
    where TAggregate : AggregateRoot<TId>
    where TId : notnull
{
    private static readonly string StreamType = StreamNames.TypeOf<TAggregate>();

    public Task<TAggregate?> GetAsync(TId id, CancellationToken cancellationToken = default)
    {
        tenantContext.RequireTenantId();
        return session.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var context = contexts.Create(connection, transaction);
                return await context.Set<TAggregate>().AsNoTracking().FirstOrDefaultAsync(HasId(id), ct);
            },
            cancellationToken);
    }

    public Task SaveAsync(TAggregate aggregate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return WriteAsync(aggregate, aggregate.Version == 0 ? EntityState.Added : EntityState.Modified, cancellationToken);
    }

    public Task DeleteAsync(TAggregate aggregate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return WriteAsync(aggregate, EntityState.Deleted, cancellationToken);
    }

    private async Task WriteAsync(TAggregate aggregate, EntityState state, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.RequireTenantId();
        var loadedVersion = aggregate.Version;
        var newVersion = loadedVersion + 1;
        var pending = aggregate.PendingEvents.ToArray();

        await using (var unitOfWork = await session.BeginAsync(cancellationToken))
        {
            var (connection, transaction) = session.Current!.Value;
            await using (var context = contexts.Create(connection, transaction))
            {
                var entry = context.Entry(aggregate);
                entry.Property(StateDbContext.TenantIdProperty).CurrentValue = tenantId;
                entry.State = state;
                var version = entry.Property(a => a.Version);
                version.OriginalValue = loadedVersion;
                version.CurrentValue = newVersion;
                try
                {
                    await context.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException ex)
                {
                    version.CurrentValue = loadedVersion;
                    throw await ExplainFailedWriteAsync(aggregate, tenantId, loadedVersion, ex, cancellationToken);
                }
            }

            if (pending.Length > 0)
            {
                var streamId = StreamNames.IdOf(aggregate.Id);
                await eventStore.AppendAsync(streamId, StreamType, ExpectedVersion.Any, pending, cancellationToken);
                await outbox.EnqueueAsync(pending.Select(e => messages.Create(StreamType, streamId, e)).ToArray(), cancellationToken);
            }

            await unitOfWork.CommitAsync(cancellationToken);
        }

        aggregate.MarkPersisted(newVersion);
    }

    /// <summary>
    /// Works out why a write touched no row or broke a unique key: the id belongs to another tenant
    /// (refused, never a second row), somebody saved first, or a genuine constraint violation.
    /// </summary>
    private async Task<Exception> ExplainFailedWriteAsync(
        TAggregate aggregate,
        string tenantId,
        long loadedVersion,
        DbUpdateException exception,
        CancellationToken cancellationToken)
    {
        // A failed statement may have aborted the transaction, so the stored row is read on a
        // connection of its own: it is only reported, never acted on.
        var stored = await session.ReadCommittedAsync(
            async (connection, ct) =>
            {
                await using var context = contexts.Create(connection);
                return await context.Set<TAggregate>()
                    .IgnoreQueryFilters()
                    .AsNoTracking()
                    .Where(HasId(aggregate.Id))
                    .Select(a => new StoredRow(EF.Property<string>(a, StateDbContext.TenantIdProperty), a.Version))
                    .FirstOrDefaultAsync(ct);
            },
            cancellationToken);

        if (stored is not null && !string.Equals(stored.TenantId, tenantId, StringComparison.Ordinal))
        {
            return new TenantMismatchException(tenantId, $"{StreamType}/{aggregate.Id}");
        }

        var isConflict = exception is DbUpdateConcurrencyException || (loadedVersion == 0 && stored is not null);
        return isConflict
            ? new ConcurrencyConflictException($"{StreamType}/{aggregate.Id}", loadedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), stored?.Version ?? 0)
            : exception;
    }

    private sealed record StoredRow(string TenantId, long Version);

    private static Expression<Func<TAggregate, bool>> HasId(TId id)
    {
        var parameter = Expression.Parameter(typeof(TAggregate), "a");
        var holder = new IdHolder(id);
        var body = Expression.Equal(
            Expression.Property(parameter, nameof(Entity<TId>.Id)),
            Expression.Property(Expression.Constant(holder), nameof(IdHolder.Value)));
        return Expression.Lambda<Func<TAggregate, bool>>(body, parameter);
    }

    // A member access on a closure-like object makes EF Core send the id as a parameter.
    private sealed record IdHolder(TId Value);
}
