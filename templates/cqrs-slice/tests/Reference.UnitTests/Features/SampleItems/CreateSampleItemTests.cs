using Reference.Features.SampleItems;
using Reference.SharedKernel.Events;

namespace Reference.UnitTests.Features.SampleItems;

public sealed class CreateSampleItemTests
{
    [Fact]
    public void Validator_rejects_a_blank_name() =>
        Assert.False(new CreateSampleItemValidator().Validate(new CreateSampleItem(" ")).IsValid);

    [Fact]
    public void Validator_accepts_a_name_within_the_limit() =>
        Assert.True(new CreateSampleItemValidator().Validate(new CreateSampleItem(new string('a', CreateSampleItemValidator.MaxNameLength))).IsValid);

    [Fact]
    public void Creating_raises_the_created_event_and_sets_the_name()
    {
        var sampleItem = SampleItem.Create(Guid.CreateVersion7(), "First");

        var created = Assert.IsType<SampleItemCreated>(Assert.Single(sampleItem.PendingEvents));
        Assert.Equal((sampleItem.Id, "First"), (created.SampleItemId, sampleItem.Name));
    }

    [Fact]
    public void Replaying_the_created_event_restores_the_item()
    {
        var sampleItemId = Guid.CreateVersion7();
        var replayed = SampleItem.ForReplay(sampleItemId);

        replayed.Rehydrate([new SampleItemCreated(sampleItemId, "First")]);

        Assert.Equal(("First", 1L), (replayed.Name, replayed.Version));
    }

    [Fact]
    public void Projection_creates_the_summary_from_the_created_event()
    {
        var created = new SampleItemCreated(Guid.NewGuid(), "First");
        var recordedAt = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var stored = new StoredEvent(
            new LogPosition(1, 1), "acme", StreamNames.IdOf(created.SampleItemId), StreamNames.TypeOf<SampleItem>(), 1,
            created.EventId, "sample_items.sample_item_created", 1, created, new EventMetadata(null, null, null, null), recordedAt);
        var projection = new SampleItemSummaryProjection();

        var summary = projection.Apply(null, stored);

        Assert.Equal(created.SampleItemId.ToString(), projection.DocumentIdFor(stored));
        Assert.Equal(("First", recordedAt), (summary!.Name, summary.CreatedAt));
    }
}
