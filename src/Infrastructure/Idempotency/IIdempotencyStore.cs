namespace Reference.Infrastructure.Idempotency;

/// <summary>
/// Where idempotency keys live: a table of the write side's database. A request claims its key in a short
/// transaction of its own, then records its result inside the unit of work of its business write, so the two commit
/// or roll back together and a retry after an unclear commit finds either the result or a free key, never both
/// writes. Keys of another scope (tenant, principal) never meet.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for the request identified by <paramref name="token"/>: a new key, one whose retention has
    /// passed, or one whose in-flight claim has expired. Otherwise reports the key's holder: still running, or
    /// completed with its result. Removes a few expired keys on the way.
    /// </summary>
    Task<IdempotencyClaim> ClaimAsync(IdempotencyScope scope, string requestHash, Guid token, CancellationToken cancellationToken);

    /// <summary>
    /// Records the claimed request's result, inside the active unit of work. False when the claim is no longer
    /// this request's (it expired and another request took the key over): the caller must then not commit.
    /// </summary>
    Task<bool> CompleteAsync(IdempotencyScope scope, Guid token, string response, CancellationToken cancellationToken);

    /// <summary>Frees the key of a request that failed, so a retry runs again. A completed or taken-over key is left alone.</summary>
    Task ReleaseAsync(IdempotencyScope scope, Guid token, CancellationToken cancellationToken);

    /// <summary>Removes up to <paramref name="maxCount"/> keys whose retention has passed; returns how many.</summary>
    Task<int> PruneAsync(int maxCount, CancellationToken cancellationToken);
}

/// <summary>Whose key it is: keys are per tenant (empty outside any tenant) and per principal.</summary>
public sealed record IdempotencyScope(string TenantId, string PrincipalId, string Key);

/// <summary>The state of a key after a claim.</summary>
public enum IdempotencyClaimStatus
{
    /// <summary>The key is this request's: run it.</summary>
    Claimed,

    /// <summary>Another request holds the key and has not finished.</summary>
    InFlight,

    /// <summary>A request with the key finished; its result is in <see cref="IdempotencyClaim.Response"/>.</summary>
    Completed,
}

/// <param name="RequestHash">The hash of the request that holds or completed the key.</param>
/// <param name="Response">The completed request's serialized result.</param>
public sealed record IdempotencyClaim(IdempotencyClaimStatus Status, string RequestHash, string? Response);
