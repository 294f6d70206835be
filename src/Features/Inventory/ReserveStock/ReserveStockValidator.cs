using FluentValidation;

namespace Reference.Features.Inventory.ReserveStock;

public sealed class ReserveStockValidator : AbstractValidator<ReserveStock>
{
    public ReserveStockValidator()
    {
        RuleFor(c => c.Sku).NotEmpty().MaximumLength(InventoryInputRules.MaxSkuLength);
        RuleFor(c => c.HolderId).NotEmpty();
        RuleFor(c => c.Quantity).GreaterThan(0);
    }
}
