using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.FeatureFlags;

/// <summary>
/// The app with flags for tests (<see cref="Flags"/>) in a configuration source that can change while the app runs
/// (<see cref="Change"/>), as a reloaded appsettings.json or a configuration service would.
/// </summary>
public class FlaggedApiFactory : ReferenceApiFactory
{
    private readonly ChangingSource _source = new();

    /// <summary>Flag settings (keys under <c>FeatureManagement</c> and <c>FeatureFlags</c>) the app starts with.</summary>
    protected virtual IDictionary<string, string?> Flags() => new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        // On for acme only: gates the audit log, which every template ships.
        ["FeatureManagement:AuditLogReading:EnabledFor:0:Name"] = "Tenants",
        ["FeatureManagement:AuditLogReading:EnabledFor:0:Parameters:Tenants:0"] = Acme,
        ["FeatureFlags:Gates:AuditLogReading:0"] = "GET /api/audit",

        // Every tenant but globex, by percentage.
        ["FeatureManagement:EveryoneButGlobex:EnabledFor:0:Name"] = "Tenants",
        ["FeatureManagement:EveryoneButGlobex:EnabledFor:0:Parameters:Percentage"] = "100",
        ["FeatureManagement:EveryoneButGlobex:EnabledFor:0:Parameters:Excluded:0"] = Globex,

        // Microsoft's targeting filter: one user by id, and every member of globex through its tenant group.
        ["FeatureManagement:Targeted:EnabledFor:0:Name"] = "Microsoft.Targeting",
        ["FeatureManagement:Targeted:EnabledFor:0:Parameters:Audience:Users:0"] = "chosen@acme",
        ["FeatureManagement:Targeted:EnabledFor:0:Parameters:Audience:Groups:0:Name"] = "tenant:globex",
        ["FeatureManagement:Targeted:EnabledFor:0:Parameters:Audience:Groups:0:RolloutPercentage"] = "100",
        ["FeatureManagement:Targeted:EnabledFor:0:Parameters:Audience:DefaultRolloutPercentage"] = "0",

        ["FeatureManagement:Reloaded"] = "false",
    };

    /// <summary>Sets <paramref name="key"/> and signals a configuration reload, as a changed file would.</summary>
    public void Change(string key, string? value) => _source.Provider.SetAndReload(key, value);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Flags())
        {
            _source.Provider.Set(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.Add(_source));
    }

    private sealed class ChangingSource : IConfigurationSource
    {
        public ChangingProvider Provider { get; } = new();

        public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
    }

    private sealed class ChangingProvider : ConfigurationProvider
    {
        public void SetAndReload(string key, string? value)
        {
            Data[key] = value;
            OnReload();
        }
    }
}
