using Microsoft.AspNetCore.Mvc;
using Reference.Features.Shared.Http;
using Reference.Infrastructure.Audit;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Tenancy;

namespace Reference.Web.Http;

/// <summary>
/// The outermost middleware: maps the exceptions that carry an expected meaning to their problem
/// (422 rule violated, 409/412 concurrency, 400 bad filter or request, 413, ...). Anything else is a bug,
/// answered with a 500 problem that reveals nothing and logged with its trace id.
/// </summary>
public sealed partial class ExceptionProblemMiddleware(RequestDelegate next, ILogger<ExceptionProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var problem = Map(context, ex);
            if (problem.Status == StatusCodes.Status500InternalServerError)
            {
                LogUnhandled(logger, ex, context.Request.Method, context.Request.Path);
            }

            context.Response.Clear();
            await ApiProblems.WriteAsync(context, problem);
        }
    }

    private static ProblemDetails Map(HttpContext context, Exception exception)
    {
        switch (exception)
        {
            case BusinessRuleViolationException rule:
                return ApiProblems.Create(context, StatusCodes.Status422UnprocessableEntity, ProblemTypes.RuleViolated, "A business rule was violated.", rule.Message, rule.Code);

            case ConcurrencyConflictException conflict:
                // With If-Match the client stated a version, and it is stale: 412. Without, a concurrent writer won: 409.
                var problem = context.Request.Headers.IfMatch.Count > 0
                    ? ApiProblems.Create(context, StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, "The resource has changed since it was read.", "Reload it and retry with its current ETag.", "concurrency.stale_version")
                    : ApiProblems.Create(context, StatusCodes.Status409Conflict, ProblemTypes.ConcurrencyConflict, "The resource was changed by someone else.", "Reload it and retry.", "concurrency.conflict");
                problem.Extensions["currentVersion"] = conflict.ActualVersion;
                return problem;

            case TenantRequiredException required:
                return ApiProblems.Create(context, StatusCodes.Status400BadRequest, ProblemTypes.TenantRequired, "A tenant is required.", required.Message, "tenant.required");

            case TenantMismatchException:
                // Another tenant's resource does not exist as far as this caller can tell.
                return ApiProblems.Create(context, StatusCodes.Status404NotFound, ProblemTypes.NotFound, "The resource was not found.");

            case FilterException filter:
                // The module owns the type URI per code; the field and position point the client at the fault.
                var invalidList = ApiProblems.Create(context, StatusCodes.Status400BadRequest, filter.ProblemType, "The list request is invalid.", filter.Message, filter.Code);
                invalidList.Extensions["field"] = filter.Field;
                invalidList.Extensions["position"] = filter.Position;
                return invalidList;

            case InvalidAppendException invalid:
                return ApiProblems.Create(context, StatusCodes.Status400BadRequest, ProblemTypes.ValidationFailed, "The request is invalid.", invalid.Message, invalid.Code);

            case AuditUnavailableException:
                // Fail-closed audit: nothing was done, and retrying once the audit store is back is safe.
                return ApiProblems.Create(context, StatusCodes.Status503ServiceUnavailable, ProblemTypes.AuditUnavailable, "The audit trail is unavailable.", "The operation was not performed because its audit record could not be written. Retry later.", "audit.unavailable");

            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return StatusCodeProblems.Create(context, StatusCodes.Status413PayloadTooLarge);

            case BadHttpRequestException bad:
                return ApiProblems.Create(context, bad.StatusCode, ProblemTypes.MalformedRequest, "The request could not be read.", bad.Message);

            default:
                return ApiProblems.Create(context, StatusCodes.Status500InternalServerError, ProblemTypes.InternalError, "An unexpected error occurred.", "The error was logged with this trace id.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
