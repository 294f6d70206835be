namespace Reference.Web.Middleware;

/// <summary>
/// Endpoint metadata: this endpoint runs without a tenant (health, discovery). Every other endpoint
/// fails closed when no tenant is resolved.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class TenantNotRequiredAttribute : Attribute;
