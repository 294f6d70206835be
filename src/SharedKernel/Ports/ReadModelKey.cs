namespace Reference.SharedKernel.Ports;

/// <summary>Identifies one document across tenants: the same id in two tenants is two documents.</summary>
public readonly record struct ReadModelKey(string TenantId, string Id);
