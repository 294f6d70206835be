using System.Globalization;

namespace Reference.Features.Payments;

/// <summary>A provider that answers after <see cref="PaymentSimulatorOptions.Delay"/> and declines amounts above <see cref="PaymentSimulatorOptions.DeclineAbove"/>.</summary>
public sealed class SimulatedPaymentGateway(PaymentSimulatorOptions options, TimeProvider time) : IPaymentGateway
{
    public async Task<PaymentOutcome> CaptureAsync(Guid orderId, decimal amount, string currency, CancellationToken cancellationToken)
    {
        if (options.Delay > TimeSpan.Zero)
        {
            await Task.Delay(options.Delay, time, cancellationToken);
        }

        return options.DeclineAbove is { } limit && amount > limit
            ? PaymentOutcome.Decline(string.Create(CultureInfo.InvariantCulture, $"The amount {amount} {currency} is above the limit of {limit}."))
            : PaymentOutcome.Approve($"sim-{orderId:N}");
    }
}
