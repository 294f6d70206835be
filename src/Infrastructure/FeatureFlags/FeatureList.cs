namespace Reference.Infrastructure.FeatureFlags;

/// <summary>The body of <c>GET /api/features</c>.</summary>
public sealed record FeatureList(IReadOnlyList<FeatureState> Features);
