using FluentValidation;

namespace Reference.Features.Payments.CapturePayment;

public sealed class CapturePaymentValidator : AbstractValidator<CapturePayment>
{
    public CapturePaymentValidator()
    {
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.Amount).GreaterThanOrEqualTo(0);
        RuleFor(c => c.Currency).NotEmpty().MaximumLength(3);
    }
}
