using Reference.SharedKernel.Ports;

namespace Reference.Features.Sample;

/// <summary>Read model of a sample, kept up to date by <see cref="SampleSummaryProjection"/>.</summary>
public sealed class SampleSummary : IReadModel
{
    public required string Id { get; init; }

    public required string TenantId { get; set; }

    public required string Name { get; set; }
}
