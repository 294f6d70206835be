using FluentValidation;

namespace Reference.Features.Example;

public sealed class CreateGreetingValidator : AbstractValidator<CreateGreeting>
{
    public const int MaxNameLength = 100;

    public CreateGreetingValidator() =>
        RuleFor(command => command.Name).NotEmpty().MaximumLength(MaxNameLength);
}
