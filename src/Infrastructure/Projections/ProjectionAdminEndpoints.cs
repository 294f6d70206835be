using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reference.Infrastructure.Jobs;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Operator endpoints under <c>/api/admin/projections</c> (admin only): status and rebuild progress,
/// starting a rebuild, listing and re-driving dead letters. The work itself runs as Hangfire jobs.
/// </summary>
public static class ProjectionAdminEndpoints
{
    public const string AdminRole = "admin";

    /// <summary>The OpenAPI tag of these endpoints, and its description for the document's tag list.</summary>
    public const string Tag = "Projections";

    public const string TagDescription =
        "Operator endpoints for the projections: status, lag and rebuild progress of every generation, zero-downtime " +
        "rebuilds, and the events a projection could not apply (dead letters) with their re-drive. Role `admin`.";

    public static IEndpointRouteBuilder MapProjectionAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin/projections")
            .RequireAuthorization(policy => policy.RequireRole(AdminRole))
            .WithTags(Tag);

        admin.MapGet("/", async (ICheckpointStore checkpoints, ProjectionMetrics metrics, TimeProvider time, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            var list = await checkpoints.ListAsync(cancellationToken: ct);
            return Results.Ok(list.Select(c => ProjectionStatusView.Of(c, metrics, now)));
        })
            .WithName("ListProjections")
            .WithSummary("Lists every projection generation with its status, position, lag and rebuild progress.")
            .WithDescription("One row per generation of every projection: the live one and any rebuild in progress. Needs the `admin` role.")
            .Produces<IEnumerable<ProjectionStatusView>>();

        // One projection's generations: where a started rebuild reports its progress.
        admin.MapGet("/{name}", async (string name, IEnumerable<IProjectionRunner> runners, ICheckpointStore checkpoints, ProjectionMetrics metrics, TimeProvider time, CancellationToken ct) =>
        {
            if (runners.All(r => r.Projection.Name != name))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown projection", type: "https://reference.dev/problems/not-found");
            }

            var now = time.GetUtcNow();
            var generations = await checkpoints.ListAsync(name, ct);
            return Results.Ok(generations.Select(c => ProjectionStatusView.Of(c, metrics, now)));
        })
            .WithName("GetProjection")
            .WithSummary("Shows one projection's generations.")
            .WithDescription("Where a started rebuild reports its progress (`rebuildProgress`, 0 to 1). An unknown projection is 404. Needs the `admin` role.")
            .Produces<IEnumerable<ProjectionStatusView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/{name}/rebuild", (string name, IEnumerable<IProjectionRunner> runners, IBackgroundJobClient jobs, ITenantContext tenants) =>
        {
            if (runners.All(r => r.Projection.Name != name))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown projection", type: "https://reference.dev/problems/not-found");
            }

            // A rebuild covers every tenant: the job runs in the system scope.
            using var system = tenants.BeginSystemScope();
            var jobId = jobs.Enqueue<ProjectionJobs>(j => j.RebuildAsync(name, CancellationToken.None));
            return Results.Accepted($"/api/admin/projections/{Uri.EscapeDataString(name)}", new { jobId });
        })
            .WithName("RebuildProjection")
            .WithSummary("Starts a zero-downtime rebuild of one projection.")
            .WithDescription("Enqueues the rebuild as a Hangfire job across every tenant: 202 with `{ jobId }`; `Location` is the projection's status, where its progress shows. The live generation keeps serving until the new one has caught up. Needs the `admin` role.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapGet("/dead-letters", async (string? projection, IProjectionDeadLetters deadLetters, CancellationToken ct) =>
            Results.Ok(await deadLetters.ListAsync(projection, includeRedriven: false, limit: 200, ct)))
            .WithName("ListProjectionDeadLetters")
            .WithSummary("Lists the events projections could not apply.")
            .WithDescription("At most 200 dead letters not yet re-driven, optionally of one `projection`. Needs the `admin` role.")
            .Produces<IReadOnlyList<ProjectionDeadLetter>>();

        admin.MapPost("/dead-letters/{id:guid}/redrive", async (Guid id, IProjectionDeadLetters deadLetters, IBackgroundJobClient jobs, ITenantContext tenants, CancellationToken ct) =>
        {
            if (await deadLetters.GetAsync(id, ct) is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown dead letter", type: "https://reference.dev/problems/not-found");
            }

            using var system = tenants.BeginSystemScope();
            var jobId = jobs.Enqueue<ProjectionJobs>(j => j.RedriveDeadLetterAsync(id, CancellationToken.None));
            return Results.Accepted($"/api/admin/projections/dead-letters", new { jobId });
        })
            .WithName("RedriveProjectionDeadLetter")
            .WithSummary("Re-drives one projection dead letter.")
            .WithDescription("Enqueues a Hangfire job that applies the event again: 202 with `{ jobId }`. An unknown dead letter is 404. Needs the `admin` role.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }
}

/// <summary>
/// One projection generation as the status endpoints show it. For a rebuilt generation,
/// <see cref="RebuildTotal"/> is the events in the log when the rebuild started and
/// <see cref="RebuildProgress"/> the share of them done (0 to 1); <see cref="EventsPerSecond"/> is the
/// average rate since the generation was created.
/// </summary>
public sealed record ProjectionStatusView(
    string Projection,
    int Generation,
    string Status,
    long TransactionId,
    long Position,
    long EventsProcessed,
    long? RebuildTotal,
    double? RebuildProgress,
    double EventsPerSecond,
    string? Owner,
    bool LeaseHeld,
    DateTimeOffset HeartbeatAt,
    string? LastError,
    long? LagEvents,
    double? LagSeconds)
{
    public static ProjectionStatusView Of(Checkpoint checkpoint, ProjectionMetrics metrics, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(metrics);
        var c = checkpoint;
        var elapsed = (c.UpdatedAt - c.CreatedAt).TotalSeconds;
        var lag = metrics.LagOf(c.Projection);
        var live = c.Status == ProjectionStatus.Live;

        // Events committed during the rebuild are read too, so done can pass the total taken at the start.
        double? progress = c.RebuildTotal is not { } total ? null
            : total == 0 || live ? 1
            : Math.Round(Math.Min(1, (double)c.EventsProcessed / total), 3);
        return new ProjectionStatusView(
            c.Projection, c.Generation, c.Status.ToString(), c.Position.TransactionId, c.Position.Position, c.EventsProcessed,
            c.RebuildTotal, progress, elapsed > 0 ? Math.Round(c.EventsProcessed / elapsed, 1) : 0, c.Owner, c.LeaseUntil > now,
            c.UpdatedAt, c.LastError, live ? lag.Events : null, live ? lag.Seconds : null);
    }
}
