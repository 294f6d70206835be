namespace Reference.Features.Shared.Http;

/// <summary>The OpenAPI text every endpoint that accepts an <c>Idempotency-Key</c> shows.</summary>
public static class IdempotencyKeyDocs
{
    public const string Description =
        "Send `Idempotency-Key` (1 to 255 printable ASCII characters, e.g. a UUID) to make retries safe: the same key " +
        "with the same body within 24 hours answers with the first response (same status, body and `Location`) and " +
        "`Idempotent-Replayed: true`, without a second write. The same key with a different body is 422 " +
        "`idempotency-key-reused`; while the first request still runs, 409 `idempotency-key-in-flight` with " +
        "`Retry-After`. Keys are per tenant and per user. See docs/api.md, \"Idempotent creates\".";
}
