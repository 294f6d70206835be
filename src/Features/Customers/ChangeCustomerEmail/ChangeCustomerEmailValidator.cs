using FluentValidation;

namespace Reference.Features.Customers.ChangeCustomerEmail;

public sealed class ChangeCustomerEmailValidator : AbstractValidator<ChangeCustomerEmail>
{
    public ChangeCustomerEmailValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.Email).NotEmpty().MaximumLength(CustomerInputRules.MaxEmailLength).EmailAddress();
    }
}
