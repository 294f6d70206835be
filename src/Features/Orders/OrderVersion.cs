namespace Reference.Features.Orders;

/// <summary>What every order command returns: the order and the version it is now at (its ETag).</summary>
public sealed record OrderVersion(Guid Id, long Version);
