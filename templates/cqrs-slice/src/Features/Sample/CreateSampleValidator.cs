using FluentValidation;

namespace Reference.Features.Sample;

public sealed class CreateSampleValidator : AbstractValidator<CreateSample>
{
    public const int MaxNameLength = 200;

    public CreateSampleValidator() =>
        RuleFor(command => command.Name).NotEmpty().MaximumLength(MaxNameLength);
}
