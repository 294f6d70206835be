namespace Reference.SharedKernel.Events;

/// <summary>
/// How an aggregate's stream is named in the event store and the outbox, in one place for every repository:
/// the stream type is the aggregate's class name, the stream id its id as text.
/// </summary>
public static class StreamNames
{
    public static string TypeOf<TAggregate>() => typeof(TAggregate).Name;

    public static string IdOf<TId>(TId id)
        where TId : notnull =>
        id.ToString() is { Length: > 0 } text ? text : throw new ArgumentException("The aggregate id must have a text form.", nameof(id));
}
