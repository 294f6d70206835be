namespace Reference.Infrastructure.Messaging;

/// <summary>Header names every published message carries, so consumers restore the context it was written in.</summary>
public static class MessageHeaders
{
    public const string TenantId = "tenant-id";
    public const string CorrelationId = "correlation-id";
    public const string CausationId = "causation-id";
    public const string PartitionKey = "partition-key";
}
