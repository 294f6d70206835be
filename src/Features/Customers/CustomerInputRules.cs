using FluentValidation;

namespace Reference.Features.Customers;

public static class CustomerInputRules
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 320;

    public static IRuleBuilderOptions<T, string> ValidName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(MaxNameLength);
}
