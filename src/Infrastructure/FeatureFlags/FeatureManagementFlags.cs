using Microsoft.FeatureManagement;

namespace Reference.Infrastructure.FeatureFlags;

/// <summary><see cref="IFeatureFlags"/> over Microsoft.FeatureManagement, which re-reads <c>FeatureManagement</c> when the configuration changes.</summary>
public sealed class FeatureManagementFlags(IFeatureManager features, FeatureFlagsMetrics metrics) : IFeatureFlags
{
    public async Task<bool> IsEnabledAsync(string feature, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var enabled = await features.IsEnabledAsync(feature);
        metrics.Evaluated(feature, enabled);
        return enabled;
    }

    public async Task<IReadOnlyList<FeatureState>> ListAsync(CancellationToken cancellationToken)
    {
        var states = new List<FeatureState>();
        await foreach (var name in features.GetFeatureNamesAsync().WithCancellation(cancellationToken))
        {
            states.Add(new FeatureState(name, await IsEnabledAsync(name, cancellationToken)));
        }

        return [.. states.OrderBy(state => state.Name, StringComparer.Ordinal)];
    }
}
