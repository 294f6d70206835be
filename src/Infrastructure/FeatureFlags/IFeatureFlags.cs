namespace Reference.Infrastructure.FeatureFlags;

/// <summary>
/// The application's one way to ask a flag, for the ambient tenant and principal: endpoints' gates, behaviours and
/// handlers alike, so every evaluation is counted. The seam for a hosted flag service (LaunchDarkly, Unleash,
/// OpenFeature): implement it over that service's SDK and register it instead (docs/observability.md).
/// </summary>
public interface IFeatureFlags
{
    Task<bool> IsEnabledAsync(string feature, CancellationToken cancellationToken);

    /// <summary>Every flag configured, with its state for the caller.</summary>
    Task<IReadOnlyList<FeatureState>> ListAsync(CancellationToken cancellationToken);
}
