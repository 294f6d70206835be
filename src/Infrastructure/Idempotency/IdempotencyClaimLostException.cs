namespace Reference.Infrastructure.Idempotency;

/// <summary>
/// The request ran longer than its key's in-flight lease and another request with the key took it over: its
/// work is rolled back, so the key still stands for one write only.
/// </summary>
public sealed class IdempotencyClaimLostException(string key)
    : Exception($"The claim on idempotency key '{key}' expired and was taken over by another request; this request's changes were rolled back.");
