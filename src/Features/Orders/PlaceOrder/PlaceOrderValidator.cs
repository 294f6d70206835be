using FluentValidation;
using Reference.Features.Orders.Domain;

namespace Reference.Features.Orders.PlaceOrder;

public sealed class PlaceOrderValidator : AbstractValidator<PlaceOrder>
{
    public const int MaxLines = OrderRules.MaxLines;

    public PlaceOrderValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.Currency).ValidCurrency();
        RuleFor(c => c.Lines).NotNull().Must(l => l.Count <= MaxLines).WithMessage($"An order has at most {MaxLines} lines.");
        RuleForEach(c => c.Lines).ChildRules(line => line.RuleFor(l => l.Sku).ValidSku());
    }
}
