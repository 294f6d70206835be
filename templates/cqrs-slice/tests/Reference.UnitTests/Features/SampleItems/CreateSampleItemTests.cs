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
    public void Stream_id_is_the_stream_type_and_the_id_without_dashes()
    {
        var sampleItemId = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

        Assert.Equal($"{CreateSampleItemHandler.StreamType}-0193a1b2c3d47e5f8a9b0c1d2e3f4a5b", CreateSampleItemHandler.StreamId(sampleItemId));
    }

    [Fact]
    public void Projection_creates_the_summary_from_the_created_event()
    {
        var created = new SampleItemCreated(Guid.NewGuid(), "First");
        var recordedAt = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var stored = new StoredEvent(
            new LogPosition(1, 1), "acme", CreateSampleItemHandler.StreamId(created.SampleItemId), CreateSampleItemHandler.StreamType, 1,
            created.EventId, "sample_items.sample_item_created", 1, created, new EventMetadata(null, null, null, null), recordedAt);
        var projection = new SampleItemSummaryProjection();

        var summary = projection.Apply(null, stored);

        Assert.Equal(created.SampleItemId.ToString(), projection.DocumentIdFor(stored));
        Assert.Equal(("First", recordedAt), (summary!.Name, summary.CreatedAt));
    }
}
