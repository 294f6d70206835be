namespace Reference.Infrastructure.FeatureFlags;

/// <summary>
/// The <c>FeatureFlags</c> section: which endpoints each flag gates. The flags themselves, and for whom they are on,
/// live under Microsoft.FeatureManagement's own section, <c>FeatureManagement</c>.
/// </summary>
public sealed class FeatureFlagsOptions
{
    public const string SectionName = "FeatureFlags";

    /// <summary>The flags' section, read by Microsoft.FeatureManagement.</summary>
    public const string FlagsSectionName = "FeatureManagement";

    /// <summary>
    /// Flag name → endpoints it gates, each as <c>METHOD /route/template</c> exactly as the endpoint declares it
    /// (e.g. <c>POST /api/orders/{id}/cancel</c>). While the flag is off for the caller, the endpoint answers 404.
    /// </summary>
    public IDictionary<string, IList<string>> Gates { get; } = new Dictionary<string, IList<string>>(StringComparer.OrdinalIgnoreCase);
}
