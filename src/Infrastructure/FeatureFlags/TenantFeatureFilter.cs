using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.FeatureFlags;

/// <summary>
/// Turns a flag on per tenant (<see cref="TenantFilterSettings"/>): the request's resolved tenant, never a header.
/// The percentage is a stable hash of flag and tenant, so a tenant keeps its answer from one request to the next and
/// one tenant's luck with one flag says nothing about another flag. Without a tenant the filter is off.
/// </summary>
[FilterAlias(Alias)]
public sealed class TenantFeatureFilter(ITenantContext tenant) : IFeatureFilter
{
    public const string Alias = "Tenants";

    public Task<bool> EvaluateAsync(FeatureFilterEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenantId = tenant.TenantId;
        if (tenantId is null)
        {
            return Task.FromResult(false);
        }

        var settings = context.Parameters.Get<TenantFilterSettings>() ?? new TenantFilterSettings();
        if (settings.Excluded.Contains(tenantId, StringComparer.OrdinalIgnoreCase))
        {
            return Task.FromResult(false);
        }

        return Task.FromResult(
            settings.Tenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase)
            || Bucket(context.FeatureName, tenantId) < settings.Percentage);
    }

    /// <summary>Where the tenant falls in [0, 100) for this flag.</summary>
    public static double Bucket(string feature, string tenantId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{feature}\n{tenantId.ToUpperInvariant()}"));
        return BinaryPrimitives.ReadUInt32BigEndian(hash) / (uint.MaxValue + 1.0) * 100;
    }
}
