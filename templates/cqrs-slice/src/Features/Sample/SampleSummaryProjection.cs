using Reference.SharedKernel.Ports;

namespace Reference.Features.Sample;

/// <summary>Builds <see cref="SampleSummary"/> from the sample's events. Idempotent: replaying an event is harmless.</summary>
public sealed class SampleSummaryProjection(IReadModelStore<SampleSummary> store)
{
    public Task ApplyAsync(SampleCreated created, string tenantId, CancellationToken cancellationToken) =>
        store.UpsertAsync(new SampleSummary { Id = created.SampleId.ToString("N"), TenantId = tenantId, Name = created.Name }, cancellationToken);
}
