using Reference.SharedKernel.Projections;

namespace Reference.Features.Sample;

/// <summary>
/// Builds <see cref="SampleSummary"/> from the sample's events. A pure fold: the projection engine
/// stores the document and the checkpoint, so replaying an event is harmless.
/// </summary>
public sealed class SampleSummaryProjection : Projection<SampleSummary>
{
    public SampleSummaryProjection()
        : base("sample-summary")
    {
        Create<SampleCreated>(e => e.SampleId.ToString(), e => new SampleSummary
        {
            Name = e.Data.Name,
            CreatedAt = e.RecordedAt,
        });
    }
}
