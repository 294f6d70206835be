using System.Diagnostics;
using Reference.SharedKernel.Application;

namespace Reference.Web.Middleware;

/// <summary>
/// Takes the caller's <c>X-Correlation-ID</c> (or starts one from the trace id), opens the ambient
/// correlation scope for the request and echoes the id back. Every event, outbox row and audit
/// record the request causes carries it.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ICorrelationContext correlation)
{
    public const string HeaderName = "X-Correlation-ID";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var correlationId = IsAcceptable(incoming)
            ? incoming
            : Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");

        context.Response.Headers[HeaderName] = correlationId;
        using (correlation.BeginScope(correlationId))
        {
            await next(context);
        }
    }

    // Only ids that are safe to log and store verbatim are accepted from the outside.
    private static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
