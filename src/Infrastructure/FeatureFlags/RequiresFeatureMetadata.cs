namespace Reference.Infrastructure.FeatureFlags;

/// <summary>Endpoint metadata: the endpoint exists only while <see cref="Feature"/> is on for the caller (otherwise 404).</summary>
public sealed record RequiresFeatureMetadata(string Feature);
