using FluentValidation;

namespace Reference.Features.SampleItems;

public sealed class CreateSampleItemValidator : AbstractValidator<CreateSampleItem>
{
    public const int MaxNameLength = 200;

    public CreateSampleItemValidator() =>
        RuleFor(command => command.Name).NotEmpty().MaximumLength(MaxNameLength);
}
