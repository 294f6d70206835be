using System.Diagnostics.CodeAnalysis;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.Application;

/// <summary>
/// The one table of exceptions that carry an expected meaning, and the <see cref="Error"/> each becomes:
/// a broken invariant, a concurrent writer, a bad list request, another tenant's resource, an audit
/// trail that refused a record. Anything else is a bug and stays an exception.
/// </summary>
public static class ExpectedFailures
{
    /// <summary>Prefix of the codes of list-request errors; the filter module owns the code after it.</summary>
    public const string FilterCodePrefix = "filter.";

    public const string ConcurrencyConflictCode = "concurrency.conflict";

    public const string AuditUnavailableCode = "audit.unavailable";

    public static bool TryTranslate(Exception exception, [NotNullWhen(true)] out Error? error)
    {
        error = exception switch
        {
            BusinessRuleViolationException rule => Error.RuleViolated(rule.Code, rule.Message),
            ConcurrencyConflictException conflict => Error.Conflict(ConcurrencyConflictCode, "The resource was changed by someone else. Reload it and retry.") with
            {
                Details = new Dictionary<string, object?>(StringComparer.Ordinal) { ["currentVersion"] = conflict.ActualVersion },
            },
            FilterException filter => new Error(FilterCodePrefix + filter.Code, filter.Message, ErrorKind.Validation)
            {
                Details = new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = filter.Field, ["position"] = filter.Position },
            },
            InvalidAppendException invalid => new Error(invalid.Code, invalid.Message, ErrorKind.Validation),
            TenantRequiredException required => new Error("tenant.required", required.Message, ErrorKind.Validation),

            // Another tenant's resource does not exist as far as this caller can tell.
            TenantMismatchException => new Error("resource.not_found", "The resource was not found.", ErrorKind.NotFound),
            AuditUnavailableException => new Error(
                AuditUnavailableCode,
                "The operation was not performed because its audit record could not be written. Retry later.",
                ErrorKind.Unavailable),
            _ => null,
        };
        return error is not null;
    }
}
