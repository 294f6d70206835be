using FluentValidation;

namespace Reference.Features.Orders.AddOrderLine;

public sealed class AddOrderLineValidator : AbstractValidator<AddOrderLine>
{
    public AddOrderLineValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.Sku).ValidSku();
        RuleFor(c => c.Currency).ValidCurrency();
    }
}
