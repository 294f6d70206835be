using FluentValidation;

namespace Reference.Features.Inventory.SetStockLevel;

public sealed class SetStockLevelValidator : AbstractValidator<SetStockLevel>
{
    public SetStockLevelValidator()
    {
        RuleFor(c => c.Sku).NotEmpty().MaximumLength(InventoryInputRules.MaxSkuLength);
        RuleFor(c => c.OnHand).InclusiveBetween(0, InventoryInputRules.MaxOnHand);
    }
}
