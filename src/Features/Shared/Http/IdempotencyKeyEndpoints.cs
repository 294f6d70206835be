using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Reference.Features.Shared.Http;

/// <summary>How an endpoint opts into idempotency keys: <c>Options(b => b.AcceptsIdempotencyKey())</c> in <c>Configure</c>.</summary>
public static class IdempotencyKeyEndpoints
{
    /// <summary>
    /// The endpoint takes an optional <c>Idempotency-Key</c> header: a retry with the same key and body within the
    /// retention answers like the first request without running again. Meant for creating <c>POST</c>s, whose
    /// command must be transactional; list 409 and 422 among the endpoint's problems.
    /// </summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithMetadata(new AcceptsIdempotencyKeyAttribute())
            .AddEndpointFilter<IdempotencyKeyFilter>();
    }
}
