using Reference.SharedKernel.Ports;

namespace Reference.Features.SampleItems;

/// <summary>Read model of one SampleItem, kept up to date by <see cref="SampleItemSummaryProjection"/>.</summary>
public sealed class SampleItemSummary : IReadModel
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
