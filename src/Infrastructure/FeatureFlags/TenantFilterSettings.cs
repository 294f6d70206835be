namespace Reference.Infrastructure.FeatureFlags;

/// <summary>
/// The parameters of the <c>Tenants</c> filter: on for the listed <see cref="Tenants"/>, and for
/// <see cref="Percentage"/> percent of all tenants (each tenant stays in or out as the percentage grows), never for
/// the <see cref="Excluded"/> ones.
/// </summary>
public sealed class TenantFilterSettings
{
    public IList<string> Tenants { get; } = [];

    public IList<string> Excluded { get; } = [];

    public double Percentage { get; set; }
}
