namespace Reference.SharedKernel.Application.Idempotency;

/// <summary>
/// What an idempotency key may look like: 1 to 255 printable ASCII characters (letters, digits, punctuation; no
/// spaces or control characters). A UUID is the usual choice. Keys are compared exactly (case-sensitively).
/// </summary>
public static class IdempotencyKeyRules
{
    public const int MaxLength = 255;

    /// <summary>Why <paramref name="key"/> cannot be an idempotency key, or null when it can.</summary>
    public static string? Explain(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "An idempotency key must not be empty.";
        }

        if (key.Length > MaxLength)
        {
            return $"An idempotency key is at most {MaxLength} characters long; this one has {key.Length}.";
        }

        return key.All(c => c is > ' ' and <= '~')
            ? null
            : "An idempotency key uses only printable ASCII characters: no spaces, control or non-ASCII characters.";
    }
}
