using Hangfire;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Projection work that must be visible, retried and exclusive, run by Hangfire. Exclusivity is
/// enforced in the database (the checkpoint lease of the generation), the attributes only avoid
/// pointless duplicate runs.
/// </summary>
public sealed class ProjectionJobs(
    ProjectionRebuilder rebuilder,
    ProjectionDeadLetterRedriver redriver,
    ProjectionCatchUp catchUp)
{
    public const string CatchUpJobId = "projections-catch-up";
    public const string PurgeRetiredJobId = "projections-purge-retired";

    [JobDisplayName("Rebuild projection {0}")]
    [AutomaticRetry(Attempts = 3)]
    public async Task RebuildAsync(string projection, CancellationToken cancellationToken)
    {
        var generation = await rebuilder.StartAsync(projection, cancellationToken);
        await rebuilder.RunAsync(projection, generation, cancellationToken);
    }

    [JobDisplayName("Re-drive projection dead letter {0}")]
    [AutomaticRetry(Attempts = 0)]
    public Task RedriveDeadLetterAsync(Guid deadLetterId, CancellationToken cancellationToken) =>
        redriver.RedriveAsync(deadLetterId, cancellationToken);

    [JobDisplayName("Re-drive projection dead letters of {0}")]
    [AutomaticRetry(Attempts = 0)]
    public Task RedriveAllDeadLettersAsync(string? projection, CancellationToken cancellationToken) =>
        redriver.RedriveAllAsync(projection, cancellationToken);

    [JobDisplayName("Projection catch-up safety net")]
    [DisableConcurrentExecution(60)]
    [AutomaticRetry(Attempts = 0)]
    public Task CatchUpAsync(CancellationToken cancellationToken) => catchUp.RunAsync(cancellationToken);

    [JobDisplayName("Purge retired projection generations")]
    [DisableConcurrentExecution(600)]
    public Task PurgeRetiredGenerationsAsync(CancellationToken cancellationToken) =>
        rebuilder.PurgeRetiredAsync(batchSize: 1_000, cancellationToken);
}
