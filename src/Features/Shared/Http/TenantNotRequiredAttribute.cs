namespace Reference.Features.Shared.Http;

/// <summary>
/// Endpoint metadata: this endpoint runs without a tenant (health, discovery, platform
/// administration). Every other endpoint fails closed when no tenant is resolved.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class TenantNotRequiredAttribute : Attribute;
