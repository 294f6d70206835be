using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Sample;

/// <summary>Records the creation as the first event of a new stream; projections build the read side from it.</summary>
public sealed class CreateSampleHandler(IEventStore events) : ICommandHandler<CreateSample, Result<Guid>>
{
    public const string StreamType = "sample";

    public async ValueTask<Result<Guid>> Handle(CreateSample command, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await events.AppendAsync(StreamId(id), StreamType, ExpectedVersion.NoStream,
            [new SampleCreated(id, command.Name.Trim())], cancellationToken);
        return id;
    }

    public static string StreamId(Guid id) => $"{StreamType}-{id:N}";
}
