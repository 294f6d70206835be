using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Reference.SharedKernel.Ports;

/// <summary>
/// The audit chain's hash: SHA-256 over the previous hash and a canonical JSON form of the record
/// (without its own hash). Shared by every audit store so a chain verifies wherever it was written.
/// </summary>
public static class AuditHashing
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.General) { WriteIndented = false };

    public static string Compute(AuditRecord record, string? previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var canonical = JsonSerializer.Serialize(record with { Hash = null, PreviousHash = previousHash }, Canonical);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes((previousHash ?? string.Empty) + "|" + canonical));
        return Convert.ToHexStringLower(bytes);
    }
}
