using Reference.SharedKernel.Projections;

namespace Reference.Features.SampleItems;

/// <summary>
/// Builds <see cref="SampleItemSummary"/> from the SampleItem's events. A pure fold: the projection engine
/// stores the document and the checkpoint, so replaying an event is harmless.
/// </summary>
public sealed class SampleItemSummaryProjection : Projection<SampleItemSummary>
{
    public SampleItemSummaryProjection()
        : base("sample-item-summary")
    {
        Create<SampleItemCreated>(e => e.SampleItemId.ToString(), e => new SampleItemSummary
        {
            Name = e.Data.Name,
            CreatedAt = e.RecordedAt,
        });
    }
}
