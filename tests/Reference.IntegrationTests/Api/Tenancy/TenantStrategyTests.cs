using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.MultiTenancy;

namespace Reference.IntegrationTests.Api.Tenancy;

/// <summary>The host and route strategies, and the resolver's first-known-tenant rule, without a server.</summary>
public sealed class TenantStrategyTests
{
    [Theory]
    [InlineData("acme.example.com", "{tenant}.example.com", "acme")]
    [InlineData("ACME.Example.com", "{tenant}.example.com", "ACME")]
    [InlineData("example.com", "{tenant}.example.com", null)]
    [InlineData("a.b.example.com", "{tenant}.example.com", null)]
    [InlineData("acme.example.org", "{tenant}.example.com", null)]
    [InlineData("api-globex.example.com", "api-{tenant}.example.com", "globex")]
    [InlineData("acme.example.com", null, null)]
    [InlineData("acme.example.com", "example.com", null)]
    public void The_host_strategy_reads_the_tenant_from_the_template(string host, string? template, string? expected) =>
        Assert.Equal(expected, TenantStrategies.FromHost(host, template));

    [Fact]
    public async Task The_first_identifier_a_store_knows_wins()
    {
        var options = Options(o =>
        {
            o.Strategies = [TenantStrategyKind.Route, TenantStrategyKind.Host, TenantStrategyKind.Static];
            o.HostTemplate = "{tenant}.example.com";
            o.StaticTenant = "acme";
        });
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("globex.example.com");
        context.Request.RouteValues["tenant"] = "initech";

        var resolution = await new TenantResolver(options, new ConfigurationTenantStore(options)).ResolveAsync(context);

        Assert.Equal("globex", Assert.IsType<TenantResolution.Resolved>(resolution).Tenant.Id);
    }

    [Fact]
    public async Task Only_unknown_identifiers_give_unknown_and_none_gives_missing()
    {
        var options = Options(o => o.Strategies = [TenantStrategyKind.Header]);
        var resolver = new TenantResolver(options, new ConfigurationTenantStore(options));
        var unknown = new DefaultHttpContext();
        unknown.Request.Headers["X-Tenant-ID"] = "initech";

        Assert.Equal("initech", Assert.IsType<TenantResolution.Unknown>(await resolver.ResolveAsync(unknown)).TenantId);
        Assert.IsType<TenantResolution.Missing>(await resolver.ResolveAsync(new DefaultHttpContext()));
    }

    [Fact]
    public async Task Tenant_settings_merge_the_defaults_under_the_tenants_own()
    {
        var options = Options(o =>
        {
            o.Defaults["Plan"] = "basic";
            o.Defaults["Region"] = "eu";
            o.Tenants["acme"].Settings["Plan"] = "enterprise";
        });

        var tenant = await new ConfigurationTenantStore(options).FindAsync("ACME");

        Assert.Equal("acme", tenant!.Id);
        Assert.Equal("enterprise", tenant.Settings["Plan"]);
        Assert.Equal("eu", tenant.Settings["Region"]);
    }

    private static IOptionsMonitor<MultiTenancyOptions> Options(Action<MultiTenancyOptions> configure)
    {
        var options = new MultiTenancyOptions
        {
            Tenants = new(StringComparer.OrdinalIgnoreCase)
            {
                ["acme"] = new TenantDefinition { Name = "Acme" },
                ["globex"] = new TenantDefinition { Name = "Globex" },
            },
        };
        configure(options);
        return new StaticOptionsMonitor<MultiTenancyOptions>(options);
    }
}

/// <summary>An options monitor whose value never changes.</summary>
public sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
