namespace Reference.Features.Payments;

/// <summary>The permissions of the Payments slice, as roles grant them in <c>Authorization:Rbac</c>.</summary>
public static class PaymentsPermissions
{
    /// <summary>Capture an order's payment: the <c>system</c> role holds it, for order fulfilment.</summary>
    public const string Capture = "payments.capture";
}
