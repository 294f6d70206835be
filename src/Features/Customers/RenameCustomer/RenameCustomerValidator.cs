using FluentValidation;

namespace Reference.Features.Customers.RenameCustomer;

public sealed class RenameCustomerValidator : AbstractValidator<RenameCustomer>
{
    public RenameCustomerValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.Name).ValidName();
    }
}
