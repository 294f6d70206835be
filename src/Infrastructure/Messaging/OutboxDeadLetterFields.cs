using Reference.Infrastructure.Persistence.Schema;
using Reference.SharedKernel.Filtering;

namespace Reference.Infrastructure.Messaging;

/// <summary>What <c>GET /api/admin/outbox/dead-letters</c> lets operators filter and sort on; oldest first by default.</summary>
public static class OutboxDeadLetterFields
{
    public static readonly FieldMap<OutboxRow> Map = FieldMap.For<OutboxRow>()
        .Key(o => o.Sequence)
        .Tenant(o => o.TenantId)
        .Field("messageId", o => o.MessageId)
        .Field("destination", o => o.Destination, f => f.Sortable())
        .Field("partitionKey", o => o.PartitionKey)
        .Field("type", o => o.Type, f => f.Sortable())
        .Field("attempts", o => o.Attempts, f => f.Sortable())
        .Field("lastError", o => o.LastError)
        .Field("createdAt", o => o.CreatedAt, f => f.Sortable())
        .Field("deadLetteredAt", o => o.DeadLetteredAt, f => f.Sortable())
        .DefaultSort("createdAt")
        .Build();
}
