using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Persistence.Events;

/// <summary>What the store holds when an append's version check did not pass.</summary>
public sealed record StreamState(long Version, string StreamType);

/// <summary>An event already stored (anywhere in the tenant) under one of the append's event ids.</summary>
public sealed record ExistingEvent(Guid EventId, string StreamId, long StreamVersion, LogPosition Position, bool SameContent);

/// <summary>
/// Decides what a refused append means. If every event id is already stored in this stream, at the
/// positions this append would have given them and with the same content, it is a retry of an
/// append that did commit (an ambiguous commit): report the original result without writing.
/// Any other reuse of a stored event id is a duplicate; otherwise the version check failed.
/// </summary>
public static class RejectedAppend
{
    public static AppendResult Resolve(PreparedAppend append, StreamState? stream, IReadOnlyList<ExistingEvent> existing)
    {
        if (existing.Count > 0)
        {
            if (!IsRetryOfCommittedAppend(append, existing))
            {
                throw new InvalidAppendException(
                    InvalidAppendException.Codes.DuplicateEvent,
                    $"Event {existing[0].EventId} is already stored, at another position or with other content.");
            }

            var last = existing.Single(e => e.EventId == append.Events[^1].EventId);
            return new AppendResult(last.StreamVersion, last.Position);
        }

        if (stream is not null && !string.Equals(stream.StreamType, append.StreamType, StringComparison.Ordinal))
        {
            throw new InvalidAppendException(
                InvalidAppendException.Codes.StreamTypeMismatch,
                $"Stream '{append.StreamId}' is a '{stream.StreamType}' stream, not a '{append.StreamType}' stream.");
        }

        throw new ConcurrencyConflictException(append.StreamId, append.Expected.ToString(), stream?.Version ?? 0);
    }

    private static bool IsRetryOfCommittedAppend(PreparedAppend append, IReadOnlyList<ExistingEvent> existing)
    {
        if (existing.Count != append.Events.Count
            || existing.Any(e => !e.SameContent || !string.Equals(e.StreamId, append.StreamId, StringComparison.Ordinal)))
        {
            return false;
        }

        var byId = existing.ToDictionary(e => e.EventId);
        var first = byId[append.Events[0].EventId].StreamVersion;
        if (append.Expected.IsExact && first != append.Expected.Value + 1)
        {
            return false;
        }

        for (var i = 0; i < append.Events.Count; i++)
        {
            if (!byId.TryGetValue(append.Events[i].EventId, out var stored) || stored.StreamVersion != first + i)
            {
                return false;
            }
        }

        return true;
    }
}
