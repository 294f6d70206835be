using Reference.SharedKernel.Domain;

namespace Reference.Features.Orders.Domain;

/// <summary>One product on an order; priced in the order's currency.</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice) : IValueObject
{
    public decimal Total => Quantity * UnitPrice;
}
