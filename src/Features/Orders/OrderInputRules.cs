using FluentValidation;

namespace Reference.Features.Orders;

/// <summary>
/// Shape rules shared by the order commands' validators (400). Business ranges such as quantity
/// limits are the aggregate's invariants (422), not input validation.
/// </summary>
public static class OrderInputRules
{
    public const int MaxSkuLength = 64;
    public const int MaxReasonLength = 500;

    public static IRuleBuilderOptions<T, string> ValidSku<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(MaxSkuLength).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
            .WithMessage("'{PropertyName}' may contain letters, digits, '.', '_' and '-' only.");

    public static IRuleBuilderOptions<T, string> ValidCurrency<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches("^[A-Z]{3}$").WithMessage("'{PropertyName}' must be an ISO 4217 code such as EUR.");
}
