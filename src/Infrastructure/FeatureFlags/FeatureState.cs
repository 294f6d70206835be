namespace Reference.Infrastructure.FeatureFlags;

/// <summary>A flag and whether it is on for the caller.</summary>
public sealed record FeatureState(string Name, bool Enabled);
