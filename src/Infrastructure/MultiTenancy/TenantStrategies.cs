using Microsoft.AspNetCore.Http;
using Reference.Infrastructure.Identity;

namespace Reference.Infrastructure.MultiTenancy;

/// <summary>Where a tenant identifier can come from. Each returns null when it has nothing to say.</summary>
public static class TenantStrategies
{
    private const string Placeholder = "{tenant}";

    public static string? Resolve(TenantStrategyKind kind, HttpContext context, MultiTenancyOptions options) => kind switch
    {
        TenantStrategyKind.Claim => FromClaim(context),
        TenantStrategyKind.Header => FromHeader(context, options),
        TenantStrategyKind.Host => FromHost(context.Request.Host.Host, options.HostTemplate),
        TenantStrategyKind.Route => FromRoute(context, options),
        TenantStrategyKind.Static => options.StaticTenant,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown tenant strategy."),
    };

    public static string? FromClaim(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(ReferenceClaimTypes.TenantId)?.Value : null;

    public static string? FromHeader(HttpContext context, MultiTenancyOptions options) =>
        context.Request.Headers.TryGetValue(options.HeaderName, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.ToString().Trim()
            : null;

    /// <summary>Matches a host against a template such as <c>{tenant}.example.com</c>, case-insensitively.</summary>
    public static string? FromHost(string host, string? template)
    {
        if (string.IsNullOrEmpty(template) || string.IsNullOrEmpty(host))
        {
            return null;
        }

        var index = template.IndexOf(Placeholder, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var prefix = template[..index];
        var suffix = template[(index + Placeholder.Length)..];
        if (host.Length <= prefix.Length + suffix.Length
            || !host.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || !host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var tenant = host[prefix.Length..^suffix.Length];
        return tenant.Contains('.', StringComparison.Ordinal) ? null : tenant;
    }

    public static string? FromRoute(HttpContext context, MultiTenancyOptions options) =>
        context.Request.RouteValues[options.RouteParameter]?.ToString();
}
