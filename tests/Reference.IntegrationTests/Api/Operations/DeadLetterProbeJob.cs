using System.Collections.Concurrent;
using Hangfire;
using Reference.Infrastructure.Messaging;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Api.Operations;

/// <summary>What each probe job saw: its ambient tenant and correlation, and the dead letters the outbox showed it.</summary>
public sealed class DeadLetterProbe
{
    public ConcurrentDictionary<string, ProbeRun> Runs { get; } = new(StringComparer.Ordinal);
}

public sealed record ProbeRun(string? TenantId, string CorrelationId, IReadOnlyList<(string TenantId, Guid MessageId)> DeadLetters);

/// <summary>A job that lists the outbox dead letters of one destination in whatever tenant it runs as.</summary>
public sealed class DeadLetterProbeJob(IOutboxMaintenance outbox, ITenantContext tenants, ICorrelationContext correlation, DeadLetterProbe probe)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string destination, CancellationToken cancellationToken)
    {
        var page = await outbox.ListDeadLettersAsync(new ListQuery(Filter: $"destination={destination}"), cancellationToken);
        probe.Runs[destination] = new ProbeRun(tenants.TenantId, correlation.CorrelationId, [.. page.Items.Select(d => (d.TenantId, d.MessageId))]);
    }
}
