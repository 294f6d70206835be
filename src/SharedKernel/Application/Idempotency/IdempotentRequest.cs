namespace Reference.SharedKernel.Application.Idempotency;

/// <summary>
/// The idempotency key of the current request (one per DI scope): the entry point that read it (the HTTP filter)
/// accepts it with a hash of the request, the outermost transactional command takes it, and the pipeline marks the
/// request replayed when it answered with the stored result of an earlier request instead of running. Taking it
/// once keeps nested commands from claiming the same key.
/// </summary>
public sealed class IdempotentRequest
{
    private (string Key, string RequestHash)? _pending;

    /// <summary>True once the pipeline answered with the first request's stored result.</summary>
    public bool Replayed { get; private set; }

    /// <param name="key">A key that passed <see cref="IdempotencyKeyRules"/>.</param>
    /// <param name="requestHash">What makes two requests "the same": a hash of the method, route and body.</param>
    public void Accept(string key, string requestHash)
    {
        if (IdempotencyKeyRules.Explain(key) is { } problem)
        {
            throw new ArgumentException(problem, nameof(key));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(requestHash);
        if (_pending is not null)
        {
            throw new InvalidOperationException("The request's idempotency key was already accepted.");
        }

        _pending = (key, requestHash);
    }

    /// <summary>Hands the key to the first caller that asks; every later caller (a nested command) gets none.</summary>
    public bool TryTake(out string key, out string requestHash)
    {
        (key, requestHash) = _pending ?? (string.Empty, string.Empty);
        var taken = _pending is not null;
        _pending = null;
        return taken;
    }

    public void MarkReplayed() => Replayed = true;
}
