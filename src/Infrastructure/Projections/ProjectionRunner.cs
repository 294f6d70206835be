using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Applies log pages to one projection's read model. A batch loads every document the page
/// touches, folds the page's events into them in log order, then commits the changed documents
/// with the checkpoint move. Each document carries the position of the last event applied to it,
/// so an event the store has already seen is skipped: replays after a crash change nothing.
/// An event of a type the projection handles that cannot be read (a newer schema version, a failing upcaster, a
/// damaged row) is dead-lettered in live mode, so the projection moves on, and stops a rebuild at its position.
/// </summary>
public sealed partial class ProjectionRunner<TDocument>(
    Projection<TDocument> projection,
    IReadModelStore<TDocument> store,
    IProjectionEventSource events,
    IProjectionDeadLetters deadLetters,
    ProjectionMetrics metrics,
    IOptions<ProjectionOptions> options,
    TimeProvider time,
    ILogger<ProjectionRunner<TDocument>> logger) : IProjectionRunner
    where TDocument : class, IReadModel
{
    private readonly ProjectionOptions _options = options.Value;
    private readonly List<ProjectionDeadLetter> _pendingDeadLetters = [];

    public IProjection Projection => projection;

    public async Task<ProjectionBatchResult> RunBatchAsync(Checkpoint leased, ProjectionMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leased);
        var batchSize = mode == ProjectionMode.Rebuild ? _options.RebuildBatchSize : _options.LiveBatchSize;
        var page = await ReadAsync(leased.Position, batchSize, cancellationToken);
        if (page.Count == 0 && page.Next == leased.Position)
        {
            metrics.RecordLag(projection.Name, 0, 0);
            return new ProjectionBatchResult(leased, 0, CaughtUp: true);
        }

        SetAsideUnreadable(page.Unreadable, leased.Generation, mode);
        var writes = await FoldAsync(leased.Generation, page.Events, mode, cancellationToken);
        await FlushDeadLettersAsync(cancellationToken);
        var now = time.GetUtcNow();
        var next = leased with
        {
            Position = page.Next,
            UpdatedAt = now,
            LeaseUntil = now + _options.LeaseDuration,
            EventsProcessed = leased.EventsProcessed + page.Count,
            LastError = null,
        };

        var committed = await store.CommitAsync(
            new ReadModelBatch<TDocument>(leased.Generation, writes, new CheckpointMove(leased, next)), cancellationToken);
        if (!committed)
        {
            LogLeaseLost(projection.Name, leased.Generation, leased.Owner);
            return new ProjectionBatchResult(null, page.Count, CaughtUp: false);
        }

        var caughtUp = page.Count < batchSize;
        SkippedUnrecognized(page.Unrecognized);
        metrics.Applied(projection.Name, page.Events.Count);
        metrics.RecordLag(
            projection.Name,
            caughtUp ? 0 : batchSize,
            caughtUp || page.Events.Count == 0 ? 0 : Math.Max(0, (now - page.Events[^1].RecordedAt).TotalSeconds));
        return new ProjectionBatchResult(next, page.Count, caughtUp);
    }

    public async Task RedriveAsync(ProjectionDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);

        // Nothing lies between (tx, p - 1) and (tx, p) in log order, so this reads exactly the dead-lettered event.
        var before = deadLetter.Position with { Position = deadLetter.Position.Position - 1 };
        var page = await ReadAsync(before, 1, cancellationToken);
        if (page.Unreadable.FirstOrDefault(e => e.EventId == deadLetter.EventId) is { } unreadable)
        {
            // Re-driving helps once a deployment can read it (the newer version, a fixed upcaster) or the row is repaired.
            throw new InvalidOperationException($"Event {deadLetter.EventId} of dead letter {deadLetter.Id} still cannot be read: {unreadable.Error}");
        }

        var storedEvent = page.Events.FirstOrDefault(e => e.EventId == deadLetter.EventId)
            ?? throw new InvalidOperationException($"Event {deadLetter.EventId} of dead letter {deadLetter.Id} is no longer in the log.");

        var key = new ReadModelKey(storedEvent.TenantId, projection.DocumentIdFor(storedEvent));
        var loaded = await store.LoadAsync(deadLetter.Generation, [key], cancellationToken);
        var current = loaded.GetValueOrDefault(key);
        var document = projection.Apply(current?.Document, storedEvent);

        // The document has usually moved past the event by now: keep its position and compare-and-set on it.
        var write = current is null
            ? new ReadModelWrite<TDocument>(key, document, storedEvent.LogPosition)
            : new ReadModelWrite<TDocument>(key, document, Max(current.Position, storedEvent.LogPosition), current.Position);
        await store.CommitAsync(new ReadModelBatch<TDocument>(deadLetter.Generation, [write], Checkpoint: null), cancellationToken);
    }

    public Task<int> GetServingGenerationAsync(CancellationToken cancellationToken) => store.GetServingGenerationAsync(cancellationToken);

    public Task PrepareGenerationAsync(int generation, CancellationToken cancellationToken) => store.PrepareGenerationAsync(generation, cancellationToken);

    public Task ActivateGenerationAsync(int generation, CancellationToken cancellationToken) => store.ActivateGenerationAsync(generation, cancellationToken);

    public Task<int> PurgeGenerationAsync(int generation, int batchSize, CancellationToken cancellationToken) =>
        store.PurgeGenerationAsync(generation, batchSize, cancellationToken);

    // Projections follow every tenant's events; each document keeps the tenant of its event.
    private Task<ReadAllPage> ReadAsync(LogPosition after, int maxCount, CancellationToken cancellationToken) =>
        events.ReadAllAsync(after, maxCount, cancellationToken);

    // Written by a newer deployment during a rolling upgrade: no projection here can handle them, and
    // stalling would stop the read model for every tenant. The committed checkpoint has moved past
    // them (reported once it has, so a retried batch is not counted twice); a rebuild after the
    // upgrade picks up whatever the new code projects from them.
    private void SkippedUnrecognized(IReadOnlyList<UnrecognizedEvent> unrecognized)
    {
        foreach (var skipped in unrecognized)
        {
            LogSkippedUnrecognized(projection.Name, skipped.EventType, skipped.LogPosition, skipped.EventId);
        }

        if (unrecognized.Count > 0)
        {
            metrics.SkippedUnrecognized(projection.Name, unrecognized.Count);
        }
    }

    // Only events this projection would have handled concern it; when the reader could not say whose an event is,
    // every projection takes it as its own rather than step over it unseen.
    private void SetAsideUnreadable(IReadOnlyList<UnreadableEvent> unreadable, int generation, ProjectionMode mode)
    {
        foreach (var unread in unreadable.Where(u => u.DataType is null || projection.Handles(u.DataType)))
        {
            if (mode == ProjectionMode.Rebuild)
            {
                throw new ProjectionRebuildFailedException(
                    projection.Name,
                    generation,
                    unread.LogPosition,
                    unread.EventType,
                    new UnreadableEventException(unread.EventType, unread.SchemaVersion, unread.Error, dataType: unread.DataType));
            }

            LogDeadLetteredUnreadable(projection.Name, unread.EventType, unread.LogPosition, unread.EventId, unread.Error);
            _pendingDeadLetters.Add(new ProjectionDeadLetter(
                Guid.CreateVersion7(), projection.Name, generation, unread.TenantId, unread.EventId, unread.EventType,
                unread.StreamId, unread.LogPosition, unread.Error, Attempts: 1, time.GetUtcNow(), RedrivenAt: null));
        }
    }

    private async Task<List<ReadModelWrite<TDocument>>> FoldAsync(
        int generation, IReadOnlyList<StoredEvent> events, ProjectionMode mode, CancellationToken cancellationToken)
    {
        // Events of types this projection does not know (other features, newer deployments) are skipped.
        var relevant = new List<(StoredEvent Event, ReadModelKey Key)>();
        foreach (var storedEvent in events.Where(e => projection.Handles(e.Data.GetType())))
        {
            if (TryIdentify(storedEvent, generation, mode, out var key))
            {
                relevant.Add((storedEvent, key));
            }
        }

        if (relevant.Count == 0)
        {
            return [];
        }

        var loaded = await store.LoadAsync(generation, relevant.Select(r => r.Key).Distinct().ToList(), cancellationToken);
        var working = new Dictionary<ReadModelKey, WorkingDocument>();
        foreach (var (storedEvent, key) in relevant)
        {
            if (!working.TryGetValue(key, out var doc))
            {
                var stored = loaded.GetValueOrDefault(key);
                doc = new WorkingDocument(stored?.Document, stored?.Position);
                working[key] = doc;
            }

            if (doc.StoredPosition is { } seen && seen >= storedEvent.LogPosition)
            {
                continue;
            }

            await ApplyAsync(doc, key, storedEvent, generation, mode, cancellationToken);
        }

        return working
            .Where(w => w.Value.LastApplied is not null)
            .Select(w => new ReadModelWrite<TDocument>(w.Key, w.Value.Document, w.Value.LastApplied!.Value))
            .ToList();
    }

    private bool TryIdentify(StoredEvent storedEvent, int generation, ProjectionMode mode, out ReadModelKey key)
    {
        try
        {
            key = new ReadModelKey(storedEvent.TenantId, projection.DocumentIdFor(storedEvent));
            return true;
        }
        catch (Exception ex) when (mode == ProjectionMode.Live)
        {
            DeadLetterLater(storedEvent, generation, ex, attempts: 1);
            key = default;
            return false;
        }
        catch (Exception ex)
        {
            throw new ProjectionRebuildFailedException(projection.Name, generation, storedEvent.LogPosition, storedEvent.EventType, ex);
        }
    }

    private async Task ApplyAsync(
        WorkingDocument doc, ReadModelKey key, StoredEvent storedEvent, int generation, ProjectionMode mode, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                doc.Document = projection.Apply(doc.Document, storedEvent);
                doc.Applied.Add(storedEvent);
                doc.LastApplied = storedEvent.LogPosition;
                return;
            }
            catch (Exception ex) when (mode == ProjectionMode.Rebuild)
            {
                throw new ProjectionRebuildFailedException(projection.Name, generation, storedEvent.LogPosition, storedEvent.EventType, ex);
            }
            catch (Exception ex)
            {
                // A handler may have changed the document before throwing: start again from the stored state.
                await RestoreAsync(doc, key, generation, cancellationToken);
                if (attempt >= _options.MaxApplyAttempts)
                {
                    DeadLetterLater(storedEvent, generation, ex, attempt);
                    return;
                }
            }
        }
    }

    private async Task RestoreAsync(WorkingDocument doc, ReadModelKey key, int generation, CancellationToken cancellationToken)
    {
        var reloaded = await store.LoadAsync(generation, [key], cancellationToken);
        doc.Document = reloaded.GetValueOrDefault(key)?.Document;
        foreach (var applied in doc.Applied)
        {
            doc.Document = projection.Apply(doc.Document, applied);
        }
    }

    private void DeadLetterLater(StoredEvent storedEvent, int generation, Exception error, int attempts)
    {
        LogDeadLettered(projection.Name, storedEvent.EventType, storedEvent.LogPosition, error);
        _pendingDeadLetters.Add(new ProjectionDeadLetter(
            Guid.CreateVersion7(), projection.Name, generation, storedEvent.TenantId, storedEvent.EventId, storedEvent.EventType,
            storedEvent.StreamId, storedEvent.LogPosition, error.Message, attempts, time.GetUtcNow(), RedrivenAt: null));
    }

    private async Task FlushDeadLettersAsync(CancellationToken cancellationToken)
    {
        foreach (var deadLetter in _pendingDeadLetters)
        {
            // Written before the batch commits: if the commit fails, the retry adds the same row again, which is kept once.
            await deadLetters.AddAsync(deadLetter, cancellationToken);
            metrics.DeadLettered(projection.Name);
        }

        _pendingDeadLetters.Clear();
    }

    private static LogPosition Max(LogPosition a, LogPosition b) => a >= b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection {Projection} generation {Generation}: checkpoint move rejected, lease of {Owner} lost")]
    private partial void LogLeaseLost(string projection, int generation, string? owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection {Projection} skipped event {EventId} at {Position}: type {EventType} is not registered in this version")]
    private partial void LogSkippedUnrecognized(string projection, string eventType, LogPosition position, Guid eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} dead-lettered {EventType} at {Position}")]
    private partial void LogDeadLettered(string projection, string eventType, LogPosition position, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} dead-lettered {EventType} {EventId} at {Position}: it cannot be read ({Error})")]
    private partial void LogDeadLetteredUnreadable(string projection, string eventType, LogPosition position, Guid eventId, string error);

    private sealed class WorkingDocument(TDocument? document, LogPosition? storedPosition)
    {
        public TDocument? Document { get; set; } = document;

        public LogPosition? StoredPosition { get; } = storedPosition;

        public LogPosition? LastApplied { get; set; }

        public List<StoredEvent> Applied { get; } = [];
    }
}
