namespace Reference.SharedKernel.Events;

/// <summary>Input rules every event store applies before writing anything.</summary>
public static class StreamIdRules
{
    public const int MaxLength = 200;

    public static void Validate(string streamId, string streamType)
    {
        if (string.IsNullOrWhiteSpace(streamId))
        {
            throw new InvalidAppendException(InvalidAppendException.Codes.StreamId, "The stream id must not be empty.");
        }

        if (streamId.Length > MaxLength)
        {
            throw new InvalidAppendException(
                InvalidAppendException.Codes.StreamId,
                $"The stream id is {streamId.Length} characters long; the maximum is {MaxLength}.");
        }

        if (string.IsNullOrWhiteSpace(streamType) || streamType.Length > MaxLength)
        {
            throw new InvalidAppendException(
                InvalidAppendException.Codes.StreamType,
                $"The stream type must be between 1 and {MaxLength} characters.");
        }
    }
}
