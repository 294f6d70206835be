using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Reference.Infrastructure.Identity;

/// <summary>The RFC 7807 problems of the identity endpoints, in the API's one error shape (stable type, code, trace id).</summary>
public static class IdentityProblems
{
    private const string Base = "https://reference.example/problems/";
    public const string InvalidCredentials = Base + "invalid-credentials";
    public const string InvalidRefreshToken = Base + "invalid-refresh-token";
    public const string RegistrationClosed = Base + "registration-closed";
    public const string ValidationFailed = Base + "validation-failed";
    public const string Forbidden = Base + "forbidden";
    public const string AlreadyExists = Base + "already-exists";
    public const string NotFound = Base + "not-found";

    public static IResult Problem(HttpContext http, int status, string type, string title, string? detail = null, string? code = null, IDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var extensions = new Dictionary<string, object?> { ["traceId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier };
        if (code is not null)
        {
            extensions["code"] = code;
        }

        if (errors is not null)
        {
            extensions["errors"] = errors;
        }

        return Results.Problem(detail, http.Request.Path, status, title, type, extensions);
    }

    public static IResult Invalid(HttpContext http, string field, string message) =>
        Problem(http, StatusCodes.Status400BadRequest, ValidationFailed, "The request is invalid.", message, "validation.failed",
            new Dictionary<string, string[]> { [field] = [message] });
}
