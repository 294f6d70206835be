using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.FeatureFlags;

/// <summary>Which flag, if any, gates an endpoint: by <c>FeatureFlags:Gates</c> (<c>METHOD /route</c>) or by <see cref="RequiresFeatureMetadata"/>.</summary>
public sealed class FeatureGates(IOptionsMonitor<FeatureFlagsOptions> options)
{
    public IReadOnlyList<string> FlagsGating(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var flags = endpoint.Metadata.GetOrderedMetadata<RequiresFeatureMetadata>().Select(m => m.Feature).ToList();
        if (endpoint is RouteEndpoint route && route.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods)
        {
            var template = Normalize(route.RoutePattern.RawText ?? "");
            foreach (var (flag, gated) in options.CurrentValue.Gates)
            {
                if (gated.Any(entry => Matches(entry, methods.HttpMethods, template)))
                {
                    flags.Add(flag);
                }
            }
        }

        return flags;
    }

    /// <summary>Whether <paramref name="entry"/> (<c>METHOD /route</c>) is well formed.</summary>
    public static bool IsWellFormed(string entry) => entry.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [_, ['/', ..]];

    private static bool Matches(string entry, IReadOnlyList<string> methods, string template)
    {
        var parts = entry.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && methods.Contains(parts[0], StringComparer.OrdinalIgnoreCase)
            && string.Equals(Normalize(parts[1]), template, StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string template) => template.Trim().Trim('/');
}
