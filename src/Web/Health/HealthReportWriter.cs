using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reference.Web.Health;

/// <summary>
/// Writes a health report as JSON: the overall status and, per check, its status, description and
/// data (for readiness: which migration set lags and why). Exception details stay in the logs.
/// </summary>
public static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(entry => new
            {
                name = entry.Key,
                status = entry.Value.Status.ToString(),
                description = entry.Value.Description,
                data = entry.Value.Data,
            }),
        };
        return context.Response.WriteAsJsonAsync(body, Json, context.RequestAborted);
    }
}
