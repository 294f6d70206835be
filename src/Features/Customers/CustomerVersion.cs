namespace Reference.Features.Customers;

/// <summary>What every customer command returns: the customer and its new version (its ETag).</summary>
public sealed record CustomerVersion(Guid Id, long Version);
