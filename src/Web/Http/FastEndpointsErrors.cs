using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Reference.Features.Shared.Http;

namespace Reference.Web.Http;

/// <summary>
/// Binding failures detected by FastEndpoints (unreadable JSON, a route value that is not a GUID)
/// in the API's problem shape: malformed JSON gets its own type, other failures are validation errors.
/// </summary>
public static class FastEndpointsErrors
{
    private const string MalformedJsonCode = "request.malformed_json";

    public static ValidationFailure FromJsonException(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
        return new ValidationFailure(field, "The request body is not valid JSON for this operation.") { ErrorCode = MalformedJsonCode };
    }

    public static ProblemDetails Build(List<ValidationFailure> failures, HttpContext context, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var malformed = failures.Exists(f => f.ErrorCode == MalformedJsonCode);
        var problem = malformed
            ? ApiProblems.Create(context, statusCode, ProblemTypes.MalformedRequest, "The request body could not be read.", "The body is not valid JSON for this operation.", MalformedJsonCode)
            : ApiProblems.Create(context, statusCode, ProblemTypes.ValidationFailed, "The request is invalid.", "One or more fields are invalid.", "validation.failed");
        problem.Extensions["errors"] = failures
            .GroupBy(f => ToCamelCase(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
        return problem;
    }

    private static string ToCamelCase(string name) =>
        string.IsNullOrEmpty(name) ? "body" : char.ToLowerInvariant(name[0]) + name[1..];
}
