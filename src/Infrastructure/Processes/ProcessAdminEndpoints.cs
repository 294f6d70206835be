using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reference.Infrastructure.Identity.Authorization;
using Reference.SharedKernel.Filtering;

namespace Reference.Infrastructure.Processes;

/// <summary>
/// Operator endpoints under <c>/api/admin/processes</c> (permission <c>processes.read</c>): list the caller's tenant's
/// process instances with the filter module, and read one with its steps, history, commands and last error. Another
/// tenant's instance is 404 like a missing one.
/// </summary>
public static class ProcessAdminEndpoints
{
    public const string Route = "/api/admin/processes";
    public const string Tag = "Processes";

    public const string TagDescription =
        "Operator endpoints for process managers: list the caller's tenant's instances (type, state, step, correlation, " +
        "updatedAt) and read one in full. Permission `processes.read`.";

    private const string NotFoundType = "https://reference.example/problems/not-found";

    public static IEndpointRouteBuilder MapProcessAdmin(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var processes = endpoints.MapGroup(Route).RequirePermission(ProcessAdmin.ReadPermission).WithTags(Tag);

        processes.MapGet("/", async (HttpContext http, ProcessAdmin admin, CancellationToken ct) =>
            Results.Ok(await admin.ListAsync(ListQuery.Parse(http.Request.QueryString.Value), ct)))
            .WithName("ListProcesses")
            .WithSummary("Lists the caller's tenant's process instances.")
            .WithDescription("A list endpoint of the filter module (`filter`, `sort`, `pageSize`, `cursor`; docs/filtering.md) over type, state, step, correlation, failureCode, createdAt and updatedAt, most recently changed first. Needs `processes.read`.")
            .Produces<PagedResult<ProcessSummary>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        processes.MapGet("/{id:guid}", async (Guid id, HttpContext http, ProcessAdmin admin, CancellationToken ct) =>
            await admin.FindAsync(id, ct) is { } details
                ? Results.Ok(details)
                : Results.Problem(
                    type: NotFoundType,
                    title: "The resource was not found.",
                    statusCode: StatusCodes.Status404NotFound,
                    instance: http.Request.Path,
                    extensions: new Dictionary<string, object?> { ["traceId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier }))
            .WithName("GetProcess")
            .WithSummary("Reads one process instance.")
            .WithDescription("Its state, steps with their undo commands, pending timeouts, history, every command it sent (pending, dispatched or refused, with attempts and errors) and its last error. Another tenant's instance is 404. Needs `processes.read`.")
            .Produces<ProcessDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }
}
