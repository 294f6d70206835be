using FluentValidation;

namespace Reference.Features.Orders.RemoveOrderLine;

public sealed class RemoveOrderLineValidator : AbstractValidator<RemoveOrderLine>
{
    public RemoveOrderLineValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.Sku).ValidSku();
    }
}
