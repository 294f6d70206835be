using System.Text.Json;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Audit.Database;

/// <summary>How a sealed record is kept in the <c>record</c> column, the only column the hash chain covers.</summary>
public static class AuditRecordJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(AuditRecord record) => JsonSerializer.Serialize(record, Options);

    public static AuditRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<AuditRecord>(json, Options) ?? throw new JsonException("An audit_log row holds no record.");
}
