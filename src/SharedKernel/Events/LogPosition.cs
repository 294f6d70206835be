namespace Reference.SharedKernel.Events;

/// <summary>
/// A position in the global event log: the id of the transaction that wrote the event, then the
/// event's global sequence number. Readers order by both, so an event that commits late (a low
/// sequence number in a transaction that finished after others) is never skipped.
/// </summary>
public readonly record struct LogPosition(long TransactionId, long Position) : IComparable<LogPosition>
{
    public static LogPosition Start { get; } = new(0, 0);

    public int CompareTo(LogPosition other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Position.CompareTo(other.Position);
    }

    public static bool operator <(LogPosition left, LogPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(LogPosition left, LogPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(LogPosition left, LogPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LogPosition left, LogPosition right) => left.CompareTo(right) >= 0;
}
