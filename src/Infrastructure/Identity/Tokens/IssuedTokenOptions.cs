namespace Reference.Infrastructure.Identity.Tokens;

/// <summary>
/// Configuration section <c>Identity:Tokens</c>: the access and refresh tokens the app issues itself (database users).
/// Its issuer and audience are the app's own, distinct from whatever <c>Authentication:Schemes:Bearer</c> trusts.
/// </summary>
public sealed class IssuedTokenOptions
{
    public const string SectionName = "Identity:Tokens";

    public string Issuer { get; set; } = "reference";

    public string Audience { get; set; } = "reference-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a node keeps the signing keys it read from the database before reading them again.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
