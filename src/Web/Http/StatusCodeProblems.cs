using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Reference.Features.Shared.Http;

namespace Reference.Web.Http;

/// <summary>
/// Gives a problem body to error responses produced without one (401 and 403 from authentication,
/// 404 and 405 from routing, ...), so the whole API answers errors in one shape.
/// </summary>
public static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        return ApiProblems.WriteAsync(http, Create(http, http.Response.StatusCode));
    }

    public static ProblemDetails Create(HttpContext context, int status) => status switch
    {
        StatusCodes.Status400BadRequest => ApiProblems.Create(context, status, ProblemTypes.MalformedRequest, "The request could not be read."),
        StatusCodes.Status401Unauthorized => ApiProblems.Create(context, status, ProblemTypes.Unauthenticated, "Authentication is required.", "Send a valid bearer token."),
        StatusCodes.Status403Forbidden => ApiProblems.Create(context, status, ProblemTypes.Forbidden, "You are not allowed to do this."),
        StatusCodes.Status404NotFound => ApiProblems.Create(context, status, ProblemTypes.NotFound, "The resource was not found."),
        StatusCodes.Status405MethodNotAllowed => ApiProblems.Create(context, status, ProblemTypes.MethodNotAllowed, "The method is not allowed on this resource."),
        StatusCodes.Status413PayloadTooLarge => ApiProblems.Create(context, status, ProblemTypes.PayloadTooLarge, "The request body is too large."),
        StatusCodes.Status415UnsupportedMediaType => ApiProblems.Create(context, status, ProblemTypes.UnsupportedMediaType, "The request body must be JSON.", "Send Content-Type: application/json."),
        _ => ApiProblems.Create(context, status, ProblemTypes.Base + status.ToString(System.Globalization.CultureInfo.InvariantCulture), ReasonPhrases(status)),
    };

    private static string ReasonPhrases(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
