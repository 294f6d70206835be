namespace Reference.SharedKernel.Application.Idempotency;

/// <summary>The two ways a request with an idempotency key is refused without running.</summary>
public static class IdempotencyErrors
{
    public const string KeyReusedCode = "idempotency.key_reused";
    public const string KeyInFlightCode = "idempotency.key_in_flight";

    /// <summary>The key was first used for a different request (another body or route): retrying it cannot help.</summary>
    public static Error KeyReused() =>
        new(KeyReusedCode, "This idempotency key was already used for a different request; use a new key for a new request.", ErrorKind.RuleViolated);

    /// <summary>The first request with the key is still running: ask again shortly to get its response.</summary>
    public static Error KeyInFlight() =>
        new(KeyInFlightCode, "A request with this idempotency key is still being processed; retry shortly to get its response.", ErrorKind.Conflict);
}
