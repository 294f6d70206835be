using Mediator;
using Reference.SharedKernel.Application;

namespace Reference.Features.SampleItems;

/// <summary>Creates a SampleItem; answers the new id.</summary>
public sealed record CreateSampleItem(string Name) : ICommand<Result<Guid>>;
