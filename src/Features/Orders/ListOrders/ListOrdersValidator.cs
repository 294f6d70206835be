using FluentValidation;
using Reference.Features.Orders.Domain;

namespace Reference.Features.Orders.ListOrders;

public sealed class ListOrdersValidator : AbstractValidator<ListOrders>
{
    public const int MaxPageSize = 100;

    public ListOrdersValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
        RuleFor(q => q.Status).Must(s => s is null || Enum.GetNames<OrderStatus>().Contains(s))
            .WithMessage($"Status must be one of {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
    }
}
