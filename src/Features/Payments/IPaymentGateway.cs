namespace Reference.Features.Payments;

/// <summary>The payment provider, behind a port: the sample ships a simulator (<see cref="SimulatedPaymentGateway"/>).</summary>
public interface IPaymentGateway
{
    Task<PaymentOutcome> CaptureAsync(Guid orderId, decimal amount, string currency, CancellationToken cancellationToken);
}

/// <summary>What the provider answered: approved with its reference, or declined with a reason.</summary>
public sealed record PaymentOutcome(bool Approved, string ProviderReference, string? DeclineReason)
{
    public static PaymentOutcome Approve(string reference) => new(true, reference, null);

    public static PaymentOutcome Decline(string reason) => new(false, "", reason);
}
