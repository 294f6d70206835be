using Mediator;
using Reference.Features.Payments.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Payments.CapturePayment;

/// <summary>
/// Asks the provider once per order: a payment already recorded answers its outcome without calling the provider
/// again. The outcome is recorded as an event (<c>payments.payment_captured</c> or <c>payments.payment_declined</c>),
/// which the fulfilment process reacts to. Two concurrent captures of one order: the second save conflicts and, sent
/// again, finds the first outcome.
/// </summary>
public sealed class CapturePaymentHandler(IEventSourcedRepository<Payment, string> payments, IPaymentGateway gateway)
    : ICommandHandler<CapturePayment, Result<PaymentResult>>
{
    public async ValueTask<Result<PaymentResult>> Handle(CapturePayment command, CancellationToken cancellationToken)
    {
        var payment = await payments.LoadAsync(Payment.IdOf(command.OrderId), cancellationToken);
        if (payment is not null)
        {
            return new PaymentResult(command.OrderId, payment.Captured);
        }

        payment = Payment.For(command.OrderId);
        payment.Record(await gateway.CaptureAsync(command.OrderId, command.Amount, command.Currency, cancellationToken), command.Amount, command.Currency);
        await payments.SaveAsync(payment, cancellationToken);
        return new PaymentResult(command.OrderId, payment.Captured);
    }
}
