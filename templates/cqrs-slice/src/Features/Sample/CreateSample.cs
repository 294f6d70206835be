using Mediator;
using Reference.SharedKernel.Application;

namespace Reference.Features.Sample;

/// <summary>Creates a sample; answers the new id.</summary>
public sealed record CreateSample(string Name) : ICommand<Result<Guid>>;
