using Mediator;
using Reference.SharedKernel.Application;

namespace Reference.Features.Example;

public sealed class CreateGreetingHandler(TimeProvider clock) : ICommandHandler<CreateGreeting, Result<Greeting>>
{
    public ValueTask<Result<Greeting>> Handle(CreateGreeting command, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Result<Greeting>>(new Greeting($"Hello, {command.Name.Trim()}!", clock.GetUtcNow()));
}
