namespace Reference.Infrastructure.Messaging;

/// <summary>Permissions of the outbox operator endpoints (the <c>admin</c> role holds them through <c>*</c>).</summary>
public static class OutboxPermissions
{
    /// <summary>List and re-drive the outbox dead letters of one's own tenant.</summary>
    public const string Manage = "outbox.manage";
}
