namespace Reference.SharedKernel.Events;

/// <summary>
/// What the writer believes about a stream before appending. Versions start at 1 for the first
/// event; a stream that does not exist has version 0.
/// </summary>
public readonly record struct ExpectedVersion
{
    private const long AnyValue = -1;
    private const long StreamExistsValue = -2;

    private ExpectedVersion(long value) => Value = value;

    /// <summary>The raw value: an exact version (0 = no stream), or a negative sentinel.</summary>
    public long Value { get; }

    /// <summary>Append whatever the stream's version is.</summary>
    public static ExpectedVersion Any { get; } = new(AnyValue);

    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedVersion NoStream { get; } = new(0);

    /// <summary>The stream must exist, at any version.</summary>
    public static ExpectedVersion StreamExists { get; } = new(StreamExistsValue);

    public bool IsAny => Value == AnyValue;

    public bool IsStreamExists => Value == StreamExistsValue;

    public bool IsExact => Value >= 0;

    /// <summary>The stream must be exactly at <paramref name="version"/> (0 means it must not exist).</summary>
    public static ExpectedVersion Exact(long version) =>
        version >= 0
            ? new ExpectedVersion(version)
            : throw new InvalidAppendException(InvalidAppendException.Codes.ExpectedVersion, $"Expected version {version} is not a valid state.");

    /// <summary>True when a stream currently at <paramref name="actual"/> satisfies this expectation.</summary>
    public bool IsSatisfiedBy(long actual) => Value switch
    {
        AnyValue => true,
        StreamExistsValue => actual > 0,
        _ => Value == actual,
    };

    public override string ToString() => Value switch
    {
        AnyValue => "any",
        StreamExistsValue => "stream-exists",
        0 => "no-stream",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
