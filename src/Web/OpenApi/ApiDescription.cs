using NSwag;

namespace Reference.Web.OpenApi;

/// <summary>The document's <c>info</c>: what every operation has in common, said once.</summary>
internal static class ApiDescription
{
    public const string Text =
        "A vertical-slice CQRS reference API. Every operation here needs a bearer token (JWT); tenant-scoped ones act in " +
        "the tenant the request resolves to (by default the token's `tenant_id` claim; an `X-Tenant-ID` header that " +
        "contradicts the token is refused). Every " +
        "failure is an RFC 7807 problem (`application/problem+json`) with a stable `type` URI under " +
        "`https://reference.example/problems/`, the `status`, a `title`, a `detail`, the `traceId` and, where it " +
        "applies, a `code`, the failing fields (`errors`) or the `currentVersion`; an unexpected failure is a 500 " +
        "`internal-error` that reveals nothing. Writes return the new version as `ETag`; send it back as `If-Match` " +
        "to make the next write conditional, or as `X-Min-Version` to read your own write from the read models.";

    public static OpenApiContact Contact { get; } = new() { Name = "Reference maintainers" };
}
