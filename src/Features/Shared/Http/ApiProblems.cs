using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Idempotency;
using Reference.SharedKernel.Filtering;

namespace Reference.Features.Shared.Http;

/// <summary>
/// The API's one error shape: RFC 7807 problem details with a stable <c>type</c>, the <c>status</c>,
/// a <c>title</c>, a <c>detail</c>, the <c>traceId</c>, and where relevant a <c>code</c> (rule
/// violations), <c>errors</c> (field → messages, for validation) and <c>currentVersion</c> (409/412).
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static ProblemDetails Create(HttpContext context, int status, string type, string title, string? detail = null, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new ProblemDetails
        {
            Type = type,
            Status = status,
            Title = title,
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        return problem;
    }

    /// <summary>The problem for an expected failure reported by a use case.</summary>
    public static ProblemDetails FromError(HttpContext context, Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        switch (error.Code)
        {
            case "tenant.required":
                return Create(context, StatusCodes.Status400BadRequest, ProblemTypes.TenantRequired, "A tenant is required.", error.Message, error.Code);
            case IdempotencyErrors.KeyReusedCode:
                return Create(context, StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused, "The idempotency key was used for a different request.", error.Message, error.Code);
            case IdempotencyErrors.KeyInFlightCode:
                return Create(context, StatusCodes.Status409Conflict, ProblemTypes.IdempotencyKeyInFlight, "A request with this idempotency key is still running.", error.Message, error.Code);
            case ExpectedFailures.AuditUnavailableCode:
                // Fail-closed audit: nothing was done, and retrying once the audit store is back is safe.
                return Create(context, StatusCodes.Status503ServiceUnavailable, ProblemTypes.AuditUnavailable, "The audit trail is unavailable.", error.Message, error.Code);
            case ExpectedFailures.ConcurrencyConflictCode when context.Request.Headers.IfMatch.Count > 0:
                // With If-Match the client stated a version, and it is stale: 412. Without, a concurrent writer won: 409.
                return WithDetails(
                    Create(context, StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, "The resource has changed since it was read.", "Reload it and retry with its current ETag.", "concurrency.stale_version"),
                    error);
            case { } code when code.StartsWith(ExpectedFailures.FilterCodePrefix, StringComparison.Ordinal):
                // The filter module owns the type URI per code; the field and position point the client at the fault.
                var filterCode = code[ExpectedFailures.FilterCodePrefix.Length..];
                return WithDetails(
                    Create(context, StatusCodes.Status400BadRequest, FilterErrorCodes.ProblemTypeOf(filterCode), "The list request is invalid.", error.Message, filterCode),
                    error);
        }

        var problem = error.Kind switch
        {
            ErrorKind.Validation => Create(context, StatusCodes.Status400BadRequest, ProblemTypes.ValidationFailed, "The request is invalid.", error.Message, error.Code),
            ErrorKind.NotFound => Create(context, StatusCodes.Status404NotFound, ProblemTypes.NotFound, "The resource was not found.", error.Message, error.Code),
            ErrorKind.Conflict => Create(context, StatusCodes.Status409Conflict, ProblemTypes.ConcurrencyConflict, "The resource was changed by someone else.", error.Message, error.Code),
            ErrorKind.AlreadyExists => Create(context, StatusCodes.Status409Conflict, ProblemTypes.AlreadyExists, "The resource already exists.", error.Message, error.Code),
            ErrorKind.Forbidden => Create(context, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "You are not allowed to do this.", error.Message, error.Code),
            ErrorKind.RuleViolated => Create(context, StatusCodes.Status422UnprocessableEntity, ProblemTypes.RuleViolated, "A business rule was violated.", error.Message, error.Code),
            ErrorKind.NotYetConsistent => Create(context, StatusCodes.Status503ServiceUnavailable, ProblemTypes.NotYetConsistent, "The read model has not caught up with the requested version yet.", error.Message, error.Code),
            ErrorKind.Unavailable => Create(context, StatusCodes.Status503ServiceUnavailable, ProblemTypes.ServiceUnavailable, "A service this operation needs is unavailable.", error.Message, error.Code),
            _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "Unknown error kind."),
        };

        if (error.Fields.Count > 0)
        {
            problem.Extensions["errors"] = error.Fields;
        }

        return WithDetails(problem, error);
    }

    private static ProblemDetails WithDetails(ProblemDetails problem, Error error)
    {
        foreach (var (key, value) in error.Details)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return context.Response.WriteAsJsonAsync(problem, typeof(ProblemDetails), options: null, ContentType, context.RequestAborted);
    }
}
