using FluentValidation;

namespace Reference.Features.Orders.GetOrder;

public sealed class GetOrderValidator : AbstractValidator<GetOrder>
{
    public GetOrderValidator() =>
        RuleFor(q => q.MinVersion)
            .GreaterThan(0)
            .When(q => q.MinVersion is not null)
            .OverridePropertyName(GetOrderEndpoint.MinVersionHeader)
            .WithMessage($"{GetOrderEndpoint.MinVersionHeader} must be a version returned by a write (1 or more).");
}
