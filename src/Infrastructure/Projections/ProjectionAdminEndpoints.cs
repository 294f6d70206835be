using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Identity.Authorization;
using Reference.Infrastructure.MultiTenancy;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Projection operator endpoints, in two surfaces:
/// <list type="bullet">
/// <item><c>/api/admin/projections</c> spans tenants (status and rebuild progress, starting a rebuild, every tenant's
/// dead letters and their re-drive). It runs without a tenant and needs <c>Projections:Admin:ManagePermission</c>
/// (<see cref="ProjectionPermissions.Manage"/>), a platform permission no tenant role holds.</item>
/// <item><c>/api/admin/projection-dead-letters</c> is a tenant's own: its admin (<see cref="ProjectionPermissions.ManageDeadLetters"/>)
/// lists and re-drives the dead letters of the tenant its token names; another tenant's dead letter is not found.</item>
/// </list>
/// Both ask the policy enforcement point. The work itself runs as Hangfire jobs.
/// </summary>
public static class ProjectionAdminEndpoints
{
    public const string PlatformRoute = "/api/admin/projections";
    public const string TenantDeadLettersRoute = "/api/admin/projection-dead-letters";
    private const int ListLimit = 200;

    /// <summary>The OpenAPI tag of these endpoints, and its description for the document's tag list.</summary>
    public const string Tag = "Projections";

    public const string TagDescription =
        "Operator endpoints for the projections: status, lag and rebuild progress of every generation, zero-downtime " +
        "rebuilds (platform operators), and the events a projection could not apply (dead letters) with their re-drive " +
        "(platform operators for every tenant, a tenant's admin for its own).";

    /// <summary>The options of these endpoints (<c>Projections:Admin</c>), validated at start-up.</summary>
    public static IServiceCollection AddProjectionAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProjectionAdminOptions>()
            .Bind(configuration.GetSection(ProjectionAdminOptions.Section))
            .ValidatePlatformPermission(o => o.ManagePermission, $"{ProjectionAdminOptions.Section}:{nameof(ProjectionAdminOptions.ManagePermission)}")
            .ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapProjectionAdmin(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var permission = endpoints.ServiceProvider.GetRequiredService<IOptions<ProjectionAdminOptions>>().Value.ManagePermission;
        MapPlatform(endpoints.MapGroup(PlatformRoute).RequirePermission(permission).WithoutTenant().WithTags(Tag));
        MapTenant(endpoints.MapGroup(TenantDeadLettersRoute).RequirePermission(ProjectionPermissions.ManageDeadLetters).WithTags(Tag));
        return endpoints;
    }

    private static void MapPlatform(RouteGroupBuilder platform)
    {
        platform.MapGet("/", async (ICheckpointStore checkpoints, ProjectionMetrics metrics, TimeProvider time, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            var list = await checkpoints.ListAsync(cancellationToken: ct);
            return Results.Ok(list.Select(c => ProjectionStatusView.Of(c, metrics, now)));
        })
            .WithName("ListProjections")
            .WithSummary("Lists every projection generation with its status, position, lag and rebuild progress.")
            .WithDescription("One row per generation of every projection: the live one and any rebuild in progress. Needs `platform.projections.manage`.")
            .Produces<IEnumerable<ProjectionStatusView>>();

        // One projection's generations: where a started rebuild reports its progress.
        platform.MapGet("/{name}", async (string name, IEnumerable<IProjectionRunner> runners, ICheckpointStore checkpoints, ProjectionMetrics metrics, TimeProvider time, CancellationToken ct) =>
        {
            if (runners.All(r => r.Projection.Name != name))
            {
                return Results.NotFound();
            }

            var now = time.GetUtcNow();
            var generations = await checkpoints.ListAsync(name, ct);
            return Results.Ok(generations.Select(c => ProjectionStatusView.Of(c, metrics, now)));
        })
            .WithName("GetProjection")
            .WithSummary("Shows one projection's generations.")
            .WithDescription("Where a started rebuild reports its progress (`rebuildProgress`, 0 to 1) and why it failed (`lastError`). An unknown projection is 404. Needs `platform.projections.manage`.")
            .Produces<IEnumerable<ProjectionStatusView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        platform.MapPost("/{name}/rebuild", (string name, IEnumerable<IProjectionRunner> runners, IBackgroundJobClient jobs, ITenantContext tenants) =>
        {
            if (runners.All(r => r.Projection.Name != name))
            {
                return Results.NotFound();
            }

            // A rebuild covers every tenant: the job runs in the system scope.
            using var system = tenants.BeginSystemScope();
            var jobId = jobs.Enqueue<ProjectionJobs>(j => j.RebuildAsync(name, CancellationToken.None));
            return Results.Accepted($"{PlatformRoute}/{Uri.EscapeDataString(name)}", new { jobId });
        })
            .WithName("RebuildProjection")
            .WithSummary("Starts a zero-downtime rebuild of one projection.")
            .WithDescription("Enqueues the rebuild as a Hangfire job across every tenant: 202 with `{ jobId }`; `Location` is the projection's status, where its progress shows. The live generation keeps serving until the new one has caught up. Needs `platform.projections.manage`.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Every tenant's dead letters, or one tenant's with ?tenant=.
        platform.MapGet("/dead-letters", async (string? projection, string? tenant, IProjectionDeadLetters deadLetters, CancellationToken ct) =>
            Results.Ok(await deadLetters.ListAsync(projection, includeRedriven: false, limit: ListLimit, tenantId: tenant, cancellationToken: ct)))
            .WithName("ListAllProjectionDeadLetters")
            .WithSummary("Lists the events projections could not apply, in every tenant.")
            .WithDescription("At most 200 dead letters not yet re-driven, optionally of one `projection` or one `tenant`. Needs `platform.projections.manage`.")
            .Produces<IReadOnlyList<ProjectionDeadLetter>>();

        platform.MapPost("/dead-letters/{id:guid}/redrive", async (Guid id, IProjectionDeadLetters deadLetters, IBackgroundJobClient jobs, ITenantContext tenants, CancellationToken ct) =>
            await deadLetters.GetAsync(id, ct) is null ? Results.NotFound() : Redrive(id, jobs, tenants, $"{PlatformRoute}/dead-letters"))
            .WithName("RedriveAnyProjectionDeadLetter")
            .WithSummary("Re-drives one projection dead letter of any tenant.")
            .WithDescription("Enqueues a Hangfire job that applies the event again: 202 with `{ jobId }`. An unknown dead letter is 404. Needs `platform.projections.manage`.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapTenant(RouteGroupBuilder tenant)
    {
        tenant.MapGet("/", async (string? projection, IProjectionDeadLetters deadLetters, ITenantContext tenants, CancellationToken ct) =>
            Results.Ok(await deadLetters.ListAsync(projection, includeRedriven: false, limit: ListLimit, tenantId: tenants.RequireTenantId(), cancellationToken: ct)))
            .WithName("ListProjectionDeadLetters")
            .WithSummary("Lists the events projections could not apply in the caller's tenant.")
            .WithDescription("At most 200 dead letters of the caller's tenant not yet re-driven, optionally of one `projection`. Needs `projections.dead-letters.manage`.")
            .Produces<IReadOnlyList<ProjectionDeadLetter>>();

        // Another tenant's dead letter is answered exactly like one that does not exist.
        tenant.MapPost("/{id:guid}/redrive", async (Guid id, IProjectionDeadLetters deadLetters, IBackgroundJobClient jobs, ITenantContext tenants, CancellationToken ct) =>
            await deadLetters.GetAsync(id, ct) is { } deadLetter && string.Equals(deadLetter.TenantId, tenants.RequireTenantId(), StringComparison.OrdinalIgnoreCase)
                ? Redrive(id, jobs, tenants, TenantDeadLettersRoute)
                : Results.NotFound())
            .WithName("RedriveProjectionDeadLetter")
            .WithSummary("Re-drives one projection dead letter of the caller's tenant.")
            .WithDescription("Enqueues a Hangfire job that applies the event again: 202 with `{ jobId }`. An unknown dead letter, or another tenant's, is 404. Needs `projections.dead-letters.manage`.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    // The re-drive reads the global log, so its job runs in the system scope; the caller's reach was checked before.
    private static IResult Redrive(Guid id, IBackgroundJobClient jobs, ITenantContext tenants, string location)
    {
        using var system = tenants.BeginSystemScope();
        var jobId = jobs.Enqueue<ProjectionJobs>(j => j.RedriveDeadLetterAsync(id, CancellationToken.None));
        return Results.Accepted(location, new { jobId });
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
