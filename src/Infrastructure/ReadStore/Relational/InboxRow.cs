namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>
/// A row of <c>inbox_messages</c>: a message a consumer has handled in a tenant, written in the consumer's
/// transaction and keyed by (tenant, consumer, message id). <see cref="NoTenant"/> stands for messages of no tenant.
/// </summary>
public sealed class InboxRow
{
    public const string NoTenant = "";

    public string TenantId { get; set; } = NoTenant;

    public string Consumer { get; set; } = "";

    public Guid MessageId { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
