namespace Reference.Infrastructure.Idempotency;

/// <summary>
/// The claim the idempotency step took for one message, handed to the completion step further in (one per DI
/// scope). It is matched by message, so a command a handler sends on the way never completes its sender's key.
/// </summary>
public sealed class IdempotencyClaims
{
    private (object Message, IdempotencyScope Scope, Guid Token)? _held;

    public void Hold(object message, IdempotencyScope scope, Guid token) => _held = (message, scope, token);

    public bool TryGet(object message, out IdempotencyScope scope, out Guid token)
    {
        if (_held is { } held && ReferenceEquals(held.Message, message))
        {
            (scope, token) = (held.Scope, held.Token);
            return true;
        }

        (scope, token) = (null!, Guid.Empty);
        return false;
    }

    public void Forget(object message)
    {
        if (_held is { } held && ReferenceEquals(held.Message, message))
        {
            _held = null;
        }
    }
}
