using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.SharedKernel.Projections;

/// <summary>
/// A projection declared in its feature folder: for each event type it handles, which document
/// the event belongs to and how the event changes it. Handlers are pure functions of the document
/// and the event; where documents are stored, when events arrive and how often they are replayed
/// is the engine's business. Events the projection does not handle are skipped.
/// </summary>
/// <example>
/// <code>
/// public sealed class OrderSummaryProjection : Projection&lt;OrderSummary&gt;
/// {
///     public OrderSummaryProjection() : base("order-summary")
///     {
///         Create&lt;OrderPlaced&gt;(e => e.OrderId.ToString(), e => new OrderSummary { ... });
///         Update&lt;OrderConfirmed&gt;(e => e.OrderId.ToString(), (summary, e) => summary.Status = "Confirmed");
///     }
/// }
/// </code>
/// </example>
public abstract class Projection<TReadModel> : IProjection
    where TReadModel : class, IReadModel
{
    private readonly Dictionary<Type, Handler> _handlers = [];

    protected Projection(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public Type ReadModelType => typeof(TReadModel);

    public IReadOnlyCollection<Type> EventTypes => _handlers.Keys;

    public bool Handles(Type eventType) => _handlers.ContainsKey(eventType);

    /// <summary>The id of the document <paramref name="storedEvent"/> changes.</summary>
    public string DocumentIdFor(StoredEvent storedEvent) => HandlerFor(storedEvent).DocumentId(storedEvent.Data);

    /// <summary>
    /// The document after <paramref name="storedEvent"/>: <paramref name="current"/> changed in place,
    /// a new document, or null when the event deletes it.
    /// </summary>
    public TReadModel? Apply(TReadModel? current, StoredEvent storedEvent)
    {
        var handler = HandlerFor(storedEvent);
        return handler.Apply(current, storedEvent);
    }

    /// <summary>The event creates the document (or replaces it, so replays converge).</summary>
    protected void Create<TEvent>(Func<TEvent, string> documentId, Func<ProjectedEvent<TEvent>, TReadModel> create)
        where TEvent : DomainEvent =>
        Add<TEvent>(documentId, (_, e) => create(e));

    /// <summary>The event changes an existing document; a missing document is an error.</summary>
    protected void Update<TEvent>(Func<TEvent, string> documentId, Action<TReadModel, ProjectedEvent<TEvent>> update)
        where TEvent : DomainEvent =>
        Add<TEvent>(documentId, (current, e) =>
        {
            if (current is null)
            {
                throw new ProjectionDocumentMissingException(Name, typeof(TEvent).Name, documentId(e.Data));
            }

            update(current, e);
            return current;
        });

    /// <summary>The event removes the document.</summary>
    protected void Delete<TEvent>(Func<TEvent, string> documentId)
        where TEvent : DomainEvent =>
        Add<TEvent>(documentId, (_, _) => null);

    private void Add<TEvent>(Func<TEvent, string> documentId, Func<TReadModel?, ProjectedEvent<TEvent>, TReadModel?> apply)
        where TEvent : DomainEvent
    {
        if (!_handlers.TryAdd(typeof(TEvent), new Handler(
                data => documentId((TEvent)data),
                (current, stored) => apply(current, ToProjected<TEvent>(stored)))))
        {
            throw new InvalidOperationException($"Projection '{Name}' declares {typeof(TEvent).Name} twice.");
        }
    }

    private Handler HandlerFor(StoredEvent storedEvent) =>
        _handlers.TryGetValue(storedEvent.Data.GetType(), out var handler)
            ? handler
            : throw new InvalidOperationException($"Projection '{Name}' does not handle {storedEvent.Data.GetType().Name}.");

    private static ProjectedEvent<TEvent> ToProjected<TEvent>(StoredEvent stored)
        where TEvent : DomainEvent =>
        new((TEvent)stored.Data, stored.TenantId, stored.StreamId, stored.StreamVersion, stored.LogPosition, stored.RecordedAt, stored.Metadata);

    private sealed record Handler(
        Func<DomainEvent, string> DocumentId,
        Func<TReadModel?, StoredEvent, TReadModel?> Apply);
}
