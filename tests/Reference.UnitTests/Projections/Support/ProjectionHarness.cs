using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Projections;
using Reference.SharedKernel.InMemory.ReadModels;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.UnitTests.Projections.Support;

/// <summary>The engine wired to in-memory stores and a scripted log, with the pieces tests poke at exposed.</summary>
public sealed class ProjectionHarness : IDisposable
{
    private readonly DummyMeterFactory _meters = new();

    public ProjectionHarness(ProjectionOptions? options = null)
    {
        Options = Microsoft.Extensions.Options.Options.Create(options ?? new ProjectionOptions
        {
            LiveBatchSize = 4,
            RebuildBatchSize = 5,
            PollInterval = TimeSpan.FromMilliseconds(50),
            FailureBackoff = TimeSpan.FromMilliseconds(10),
        });
        Log = new ScriptedEventLog(Tenant);
        Store = new InMemoryReadModelStore<Tally>(Checkpoints, Tenant);
        Metrics = new ProjectionMetrics(_meters);
        Runner = NewRunner();
    }

    public AmbientTenantContext Tenant { get; } = new();

    public ScriptedEventLog Log { get; }

    public InMemoryCheckpointStore Checkpoints { get; } = new();

    public InMemoryReadModelStore<Tally> Store { get; }

    public InMemoryProjectionDeadLetters DeadLetters { get; } = new();

    public TallyProjection Projection { get; } = new();

    public ProjectionSignal Signal { get; } = new();

    public ProjectionMetrics Metrics { get; }

    public IOptions<ProjectionOptions> Options { get; }

    public ProjectionRunner<Tally> Runner { get; }

    public ProjectionRunner<Tally> NewRunner() => new(
        Projection, Store, new ScriptedEventSource(Log, Tenant), DeadLetters, Metrics, Options, TimeProvider.System, NullLogger<ProjectionRunner<Tally>>.Instance);

    public ProjectionDaemon NewDaemon(string nodeId, IProjectionRunner? runner = null) => new(
        [runner ?? Runner], Checkpoints, Signal, Microsoft.Extensions.Options.Options.Create(CopyOptions(nodeId)), TimeProvider.System, NullLogger<ProjectionDaemon>.Instance);

    public ProjectionRebuilder NewRebuilder() => new(
        [Runner], Checkpoints, new ScriptedEventSource(Log, Tenant), Signal, Options, TimeProvider.System, NullLogger<ProjectionRebuilder>.Instance);

    public ProjectionDeadLetterRedriver NewRedriver() => new([Runner], DeadLetters, TimeProvider.System);

    /// <summary>Creates and leases generation 1 for <paramref name="owner"/>, as the daemon would.</summary>
    public async Task<Checkpoint> LeaseAsync(string owner, int generation = 1, TimeSpan? lease = null)
    {
        var now = DateTimeOffset.UtcNow;
        await Checkpoints.TryCreateAsync(Checkpoint.New("tally", generation, ProjectionStatus.Live, now));
        return (await Checkpoints.TryAcquireAsync("tally", generation, owner, now + (lease ?? TimeSpan.FromMinutes(1)), now))!;
    }

    /// <summary>Runs live batches until the log is drained; returns the last checkpoint.</summary>
    public async Task<Checkpoint> DrainAsync(Checkpoint leased, ProjectionRunner<Tally>? runner = null)
    {
        while (true)
        {
            var result = await (runner ?? Runner).RunBatchAsync(leased, ProjectionMode.Live, CancellationToken.None);
            leased = result.Checkpoint ?? throw new InvalidOperationException("Lease lost while draining.");
            if (result.CaughtUp)
            {
                return leased;
            }
        }
    }

    public async Task<Tally?> ReadAsync(string tenantId, string id)
    {
        using var scope = Tenant.BeginScope(tenantId);
        return await Store.GetAsync(id);
    }

    public void Dispose()
    {
        Metrics.Dispose();
        _meters.Dispose();
    }

    private ProjectionOptions CopyOptions(string nodeId) => new()
    {
        LiveBatchSize = Options.Value.LiveBatchSize,
        RebuildBatchSize = Options.Value.RebuildBatchSize,
        PollInterval = Options.Value.PollInterval,
        LeaseDuration = Options.Value.LeaseDuration,
        FailureBackoff = Options.Value.FailureBackoff,
        MaxApplyAttempts = Options.Value.MaxApplyAttempts,
        NodeId = nodeId,
    };
}
