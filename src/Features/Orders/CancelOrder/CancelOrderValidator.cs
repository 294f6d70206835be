using FluentValidation;

namespace Reference.Features.Orders.CancelOrder;

public sealed class CancelOrderValidator : AbstractValidator<CancelOrder>
{
    public CancelOrderValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(OrderInputRules.MaxReasonLength);
    }
}
