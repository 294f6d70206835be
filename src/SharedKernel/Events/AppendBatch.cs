using System.Text;
using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Events;

/// <summary>
/// The events of one append, validated and serialized before any store touches storage. Every
/// adapter prepares its input here, so bad input is refused with the same codes everywhere and
/// nothing is written when any event of the batch is invalid.
/// </summary>
public sealed class AppendBatch
{
    private AppendBatch(string streamId, string streamType, IReadOnlyList<AppendCandidate> events)
    {
        StreamId = streamId;
        StreamType = streamType;
        Events = events;
    }

    public string StreamId { get; }

    public string StreamType { get; }

    public IReadOnlyList<AppendCandidate> Events { get; }

    /// <summary>Validates the stream and events, serializes each event and checks its size.</summary>
    public static AppendBatch Prepare(
        string streamId,
        string streamType,
        IReadOnlyList<DomainEvent>? events,
        IEventSerializer serializer,
        EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(options);
        StreamIdRules.Validate(streamId, streamType);
        if (events is null || events.Count == 0)
        {
            throw new InvalidAppendException(InvalidAppendException.Codes.NoEvents, "An append needs at least one event.");
        }

        var seen = new HashSet<Guid>();
        var candidates = new List<AppendCandidate>(events.Count);
        foreach (var domainEvent in events)
        {
            if (domainEvent is null)
            {
                throw new InvalidAppendException(InvalidAppendException.Codes.NoEvents, "An append must not contain a null event.");
            }

            if (!seen.Add(domainEvent.EventId))
            {
                throw new InvalidAppendException(
                    InvalidAppendException.Codes.DuplicateEvent,
                    $"Event {domainEvent.EventId} appears twice in the same append.");
            }

            var serialized = Serialize(serializer, domainEvent);
            var size = Encoding.UTF8.GetByteCount(serialized.Json);
            if (size > options.MaxEventPayloadBytes)
            {
                throw new InvalidAppendException(
                    InvalidAppendException.Codes.PayloadTooLarge,
                    $"Event '{serialized.EventType}' is {size} bytes; the maximum is {options.MaxEventPayloadBytes}.");
            }

            candidates.Add(new AppendCandidate(domainEvent, serialized));
        }

        return new AppendBatch(streamId, streamType, candidates);
    }

    private static SerializedEvent Serialize(IEventSerializer serializer, DomainEvent domainEvent)
    {
        try
        {
            return serializer.Serialize(domainEvent);
        }
        catch (UnknownEventTypeException ex)
        {
            // An unregistered CLR type could be written but never read back: refuse it up front.
            throw new InvalidAppendException(InvalidAppendException.Codes.NotSerializable, ex.Message);
        }
    }
}

/// <summary>One event of an <see cref="AppendBatch"/>: the domain event and its stored form.</summary>
public sealed record AppendCandidate(DomainEvent Data, SerializedEvent Serialized)
{
    public Guid EventId => Data.EventId;
}
