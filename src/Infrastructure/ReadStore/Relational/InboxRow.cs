namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>A row of <c>inbox_messages</c>: a message a consumer has handled, written in the consumer's transaction.</summary>
public sealed class InboxRow
{
    public string Consumer { get; set; } = "";

    public Guid MessageId { get; set; }

    public string? TenantId { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
