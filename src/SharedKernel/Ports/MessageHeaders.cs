namespace Reference.SharedKernel.Ports;

/// <summary>The header names that carry context across a broker, so consumers can restore it.</summary>
public static class MessageHeaders
{
    public const string TenantId = "tenant-id";
    public const string CorrelationId = "correlation-id";
    public const string CausationId = "causation-id";
    public const string SchemaVersion = "schema-version";
}
