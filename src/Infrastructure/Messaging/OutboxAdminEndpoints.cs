using System.Diagnostics;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Identity.Authorization;
using Reference.SharedKernel.Filtering;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// Operator endpoints under <c>/api/admin/outbox/dead-letters</c> (permission <see cref="OutboxPermissions.Manage"/>):
/// list the caller's tenant's dead letters with the filter module, re-drive one or all of them. A re-drive is a
/// Hangfire job enqueued in the caller's tenant, so it is visible in the dashboard and can only reach that
/// tenant's messages; another tenant's dead letter is simply not found.
/// </summary>
public static class OutboxAdminEndpoints
{
    public const string Route = "/api/admin/outbox/dead-letters";
    private const string NotFoundType = "https://reference.example/problems/not-found";

    /// <summary>The OpenAPI tag of these endpoints, and its description for the document's tag list.</summary>
    public const string Tag = "Outbox";

    public const string TagDescription =
        "Operator endpoints for the transactional outbox: list the caller's tenant's dead-lettered messages and " +
        "re-drive one or all of them through Hangfire jobs. Permission `outbox.manage`.";

    public static IEndpointRouteBuilder MapOutboxAdmin(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(IOutboxMaintenance)) != true)
        {
            // No relational write side, so no outbox table to maintain.
            return endpoints;
        }

        var deadLetters = endpoints.MapGroup(Route)
            .RequirePermission(OutboxPermissions.Manage)
            .WithTags(Tag);

        deadLetters.MapGet("/", async (HttpContext http, IOutboxMaintenance outbox, CancellationToken ct) =>
            Results.Ok(await outbox.ListDeadLettersAsync(ListQuery.Parse(http.Request.QueryString.Value), ct)))
            .WithName("ListOutboxDeadLetters")
            .WithSummary("Lists the caller's tenant's outbox dead letters.")
            .WithDescription("A list endpoint of the filter module (`filter`, `sort`, `pageSize`, `cursor`; docs/filtering.md) over messageId, destination, partitionKey, type, attempts, lastError, createdAt and deadLetteredAt, oldest first. Needs `outbox.manage`.")
            .Produces<PagedResult<OutboxDeadLetter>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        deadLetters.MapPost("/{messageId:guid}/redrive", async (Guid messageId, HttpContext http, IOutboxMaintenance outbox, IBackgroundJobClient jobs, CancellationToken ct) =>
        {
            if (await outbox.FindDeadLetterAsync(messageId, ct) is null)
            {
                return Results.Problem(
                    type: NotFoundType,
                    title: "The resource was not found.",
                    statusCode: StatusCodes.Status404NotFound,
                    instance: http.Request.Path,
                    extensions: new Dictionary<string, object?> { ["traceId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier });
            }

            var jobId = jobs.Enqueue<OutboxJobs>(j => j.RedriveAsync(messageId, CancellationToken.None));
            return Results.Accepted(Route, new RedriveAccepted(jobId));
        })
            .WithName("RedriveOutboxDeadLetter")
            .WithSummary("Re-drives one outbox dead letter.")
            .WithDescription("Enqueues a Hangfire job, in the caller's tenant, that delivers the message again: 202 with the job id. Another tenant's message is 404. Needs `outbox.manage`.")
            .Produces<RedriveAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);

        deadLetters.MapPost("/redrive", (IBackgroundJobClient jobs) =>
        {
            var jobId = jobs.Enqueue<OutboxJobs>(j => j.RedriveAllAsync(CancellationToken.None));
            return Results.Accepted(Route, new RedriveAccepted(jobId));
        })
            .WithName("RedriveAllOutboxDeadLetters")
            .WithSummary("Re-drives every outbox dead letter of the caller's tenant.")
            .WithDescription("Enqueues one Hangfire job, in the caller's tenant, that delivers all of them again: 202 with the job id. Needs `outbox.manage`.")
            .Produces<RedriveAccepted>(StatusCodes.Status202Accepted);

        return endpoints;
    }
}

/// <summary>The Hangfire job that performs an accepted re-drive (see <c>/jobs</c>).</summary>
public sealed record RedriveAccepted(string JobId);
