using FluentValidation;

namespace Reference.Features.Customers.RegisterCustomer;

public sealed class RegisterCustomerValidator : AbstractValidator<RegisterCustomer>
{
    public RegisterCustomerValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.Name).ValidName();
        RuleFor(c => c.Email).NotEmpty().MaximumLength(CustomerInputRules.MaxEmailLength).EmailAddress();
    }
}
