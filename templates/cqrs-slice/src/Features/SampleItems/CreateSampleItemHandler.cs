using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.Features.SampleItems;

/// <summary>Records the creation as the first event of a new stream; projections build the read side from it.</summary>
public sealed class CreateSampleItemHandler(IEventStore events) : ICommandHandler<CreateSampleItem, Result<Guid>>
{
    public const string StreamType = "sample-item";

    public async ValueTask<Result<Guid>> Handle(CreateSampleItem command, CancellationToken cancellationToken)
    {
        var sampleItemId = Guid.CreateVersion7();
        await events.AppendAsync(StreamId(sampleItemId), StreamType, ExpectedVersion.NoStream,
            [new SampleItemCreated(sampleItemId, command.Name.Trim())], cancellationToken);
        return sampleItemId;
    }

    public static string StreamId(Guid sampleItemId) => $"{StreamType}-{sampleItemId:N}";
}
