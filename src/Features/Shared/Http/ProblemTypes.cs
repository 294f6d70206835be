namespace Reference.Features.Shared.Http;

/// <summary>
/// The stable <c>type</c> of every problem the API returns. Clients switch on these URIs (and on
/// <c>code</c> for rule violations); titles and details are for humans and may change.
/// </summary>
public static class ProblemTypes
{
    public const string Base = "https://reference.example/problems/";

    public const string ValidationFailed = Base + "validation-failed";
    public const string MalformedRequest = Base + "malformed-request";
    public const string TenantRequired = Base + "tenant-required";
    public const string Unauthenticated = Base + "unauthenticated";
    public const string Forbidden = Base + "forbidden";
    public const string TenantMismatch = Base + "tenant-mismatch";
    public const string TenantNotPermitted = Base + "tenant-not-permitted";
    public const string NotFound = Base + "not-found";
    public const string TenantNotFound = Base + "tenant-not-found";
    public const string TenantDeactivated = Base + "tenant-deactivated";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string ConcurrencyConflict = Base + "concurrency-conflict";
    public const string AlreadyExists = Base + "already-exists";
    public const string PreconditionFailed = Base + "precondition-failed";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string RuleViolated = Base + "rule-violated";
    public const string AuditUnavailable = Base + "audit-unavailable";
    public const string ServiceUnavailable = Base + "service-unavailable";
    public const string NotYetConsistent = Base + "not-yet-consistent";
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";
    public const string IdempotencyKeyInFlight = Base + "idempotency-key-in-flight";
    public const string InternalError = Base + "internal-error";
}
