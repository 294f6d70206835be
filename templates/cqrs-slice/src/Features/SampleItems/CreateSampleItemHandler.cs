using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.SampleItems;

/// <summary>
/// Creates the aggregate and saves it through its repository: the unit of work appends its events and announces them
/// through the outbox in one transaction, stamped with the caller's tenant; projections build the read side from them.
/// </summary>
public sealed class CreateSampleItemHandler(IEventSourcedRepository<SampleItem, Guid> sampleItems)
    : ICommandHandler<CreateSampleItem, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateSampleItem command, CancellationToken cancellationToken)
    {
        var sampleItemId = Guid.CreateVersion7();
        var sampleItem = SampleItem.Create(sampleItemId, command.Name.Trim());
        await sampleItems.SaveAsync(sampleItem, cancellationToken);
        return sampleItemId;
    }
}
