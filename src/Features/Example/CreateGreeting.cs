using Mediator;
using Reference.SharedKernel.Application;

namespace Reference.Features.Example;

/// <summary>The smallest possible slice: a command, its validator and its handler. Copy it to start a new one.</summary>
public sealed record CreateGreeting(string Name) : ICommand<Result<Greeting>>;
