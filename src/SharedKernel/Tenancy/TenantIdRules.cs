namespace Reference.SharedKernel.Tenancy;

/// <summary>
/// What a new tenant id may look like. Ids travel in tokens, headers, host names
/// (<c>{tenant}.example.com</c>) and storage keys, so they are one DNS label: ASCII letters, digits
/// and inner hyphens, at most 63 characters. Ids are compared case-insensitively everywhere.
/// </summary>
public static class TenantIdRules
{
    public const int MaxLength = 63;

    /// <summary>
    /// Ids no tenant may take: <c>system</c> is the audit trail's name for work done outside any
    /// tenant, so a tenant of that name would read the platform's records as its own.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(["system"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="tenantId"/> cannot name a new tenant, or null when it can.</summary>
    public static string? Explain(string? tenantId)
    {
        if (string.IsNullOrEmpty(tenantId))
        {
            return "A tenant id must not be empty.";
        }

        if (tenantId.Length > MaxLength)
        {
            return $"A tenant id is at most {MaxLength} characters long; this one has {tenantId.Length}.";
        }

        if (!tenantId.All(IsLabelCharacter) || tenantId[0] == '-' || tenantId[^1] == '-')
        {
            return "A tenant id uses only ASCII letters, digits and hyphens, and neither starts nor ends with a hyphen.";
        }

        return Reserved.Contains(tenantId) ? $"'{tenantId}' is reserved and cannot name a tenant." : null;
    }

    private static bool IsLabelCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';
}
