using FluentValidation;

namespace Reference.Features.Orders.ConfirmOrder;

public sealed class ConfirmOrderValidator : AbstractValidator<ConfirmOrder>
{
    public ConfirmOrderValidator() => RuleFor(c => c.OrderId).NotEmpty();
}
