using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Processes;

namespace Reference.Features.Payments.CapturePayment;

/// <summary>Captures an order's payment; sent again for the same order, it answers the first outcome and charges nothing.</summary>
[ProcessCommand(Name)]
public sealed record CapturePayment(Guid OrderId, decimal Amount, string Currency) : ITenantCommand<PaymentResult>
{
    public const string Name = "payments.capture";

    string IRequirePermission.RequiredPermission => PaymentsPermissions.Capture;

    string IAuditable.AuditResourceType => "Payment";

    string? IAuditable.AuditResourceId => OrderId.ToString();
}

public sealed record PaymentResult(Guid OrderId, bool Captured);
