using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Identity.Authorization;
using Reference.Infrastructure.MultiTenancy;

namespace Reference.IntegrationTests.Api.Tenancy;

/// <summary>
/// The host and route strategies, the resolver's first-known-tenant rule for anonymous requests, and its binding of
/// an authenticated caller to its token's tenant whatever the strategy order, without a server.
/// </summary>
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

        var resolution = await Resolver(options).ResolveAsync(context);

        Assert.Equal("globex", Assert.IsType<TenantResolution.Resolved>(resolution).Tenant.Id);
    }

    [Fact]
    public async Task Only_unknown_identifiers_give_unknown_and_none_gives_missing()
    {
        var options = Options(o => o.Strategies = [TenantStrategyKind.Header]);
        var resolver = Resolver(options);
        var unknown = new DefaultHttpContext();
        unknown.Request.Headers["X-Tenant-ID"] = "initech";

        Assert.Equal("initech", Assert.IsType<TenantResolution.Unknown>(await resolver.ResolveAsync(unknown)).TenantId);
        Assert.IsType<TenantResolution.Missing>(await resolver.ResolveAsync(new DefaultHttpContext()));
    }

    [Fact]
    public async Task An_anonymous_request_takes_its_tenant_from_the_header()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Tenant-ID"] = "globex";

        var resolution = await Resolver(Options(_ => { })).ResolveAsync(context);

        Assert.Equal("globex", Assert.IsType<TenantResolution.Resolved>(resolution).Tenant.Id);
    }

    [Theory]
    [InlineData(TenantStrategyKind.Route)]
    [InlineData(TenantStrategyKind.Host)]
    [InlineData(TenantStrategyKind.Header)]
    public async Task A_route_host_or_header_ranked_before_the_claim_naming_another_tenant_is_a_mismatch(TenantStrategyKind kind)
    {
        var resolver = Resolver(Options(o =>
        {
            o.Strategies = [kind, TenantStrategyKind.Claim];
            o.HostTemplate = "{tenant}.example.com";
        }));

        var resolution = await resolver.ResolveAsync(Naming("globex", User("acme")));

        Assert.Equal(new TenantResolution.Mismatch("acme", "globex"), resolution);
    }

    [Fact]
    public async Task The_claim_decides_even_when_no_strategy_lists_it_and_the_static_tenant_comes_first()
    {
        var resolver = Resolver(Options(o =>
        {
            o.Strategies = [TenantStrategyKind.Static, TenantStrategyKind.Route];
            o.StaticTenant = "globex";
        }));
        var context = new DefaultHttpContext { User = User("acme") };

        Assert.Equal("acme", Assert.IsType<TenantResolution.Resolved>(await resolver.ResolveAsync(context)).Tenant.Id);
    }

    [Fact]
    public async Task Acting_in_another_tenant_needs_the_cross_tenant_permission_by_name()
    {
        var resolver = Resolver(Options(o => o.Strategies = [TenantStrategyKind.Route, TenantStrategyKind.Claim]));

        Assert.Equal("globex", Assert.IsType<TenantResolution.Resolved>(
            await resolver.ResolveAsync(Naming("globex", User("acme", permissions: [MultiTenancyOptions.DefaultCrossTenantPermission])))).Tenant.Id);
        Assert.Equal("globex", Assert.IsType<TenantResolution.Resolved>(
            await resolver.ResolveAsync(Naming("globex", User(null, roles: ["support"])))).Tenant.Id);
        Assert.Equal(new TenantResolution.NotPermitted("globex"), await resolver.ResolveAsync(Naming("globex", User(null, roles: ["admin"]))));
        Assert.Equal(new TenantResolution.Mismatch("acme", "globex"), await resolver.ResolveAsync(Naming("globex", User("acme", roles: ["admin"]))));
    }

    [Fact]
    public void A_configured_strategy_order_replaces_the_default_instead_of_following_it()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MultiTenancy:Strategies:0"] = "Header" })
            .Build();

        var options = configuration.GetSection("MultiTenancy").Get<MultiTenancyOptions>()!;

        Assert.Equal([TenantStrategyKind.Header], options.EffectiveStrategies);
        Assert.Equal(MultiTenancyOptions.DefaultStrategies, new MultiTenancyOptions().EffectiveStrategies);
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

    // The RBAC of appsettings.json in small: "*" for admin, and a support role that names the cross-tenant permission.
    private static TenantResolver Resolver(IOptionsMonitor<MultiTenancyOptions> options)
    {
        var rbac = new RbacOptions();
        rbac.Roles["admin"] = new RolePermissions { Allow = [RbacPolicyEvaluator.Wildcard] };
        rbac.Roles["support"] = new RolePermissions { Allow = [MultiTenancyOptions.DefaultCrossTenantPermission] };
        var policies = new PolicyEnforcementPoint([new RbacPolicyEvaluator(new StaticOptionsMonitor<RbacOptions>(rbac))]);
        return new TenantResolver(options, new ConfigurationTenantStore(options), policies);
    }

    private static ClaimsPrincipal User(string? tenantId, string[]? roles = null, string[]? permissions = null)
    {
        var claims = new List<Claim> { new("sub", "someone") };
        if (tenantId is not null)
        {
            claims.Add(new Claim("tenant_id", tenantId));
        }

        claims.AddRange((roles ?? []).Select(r => new Claim("role", r)));
        claims.AddRange((permissions ?? []).Select(p => new Claim("permissions", p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Bearer"));
    }

    // A request naming the tenant by every request-carried strategy at once: route value, host and header.
    private static DefaultHttpContext Naming(string tenantId, ClaimsPrincipal user)
    {
        var context = new DefaultHttpContext { User = user };
        context.Request.RouteValues["tenant"] = tenantId;
        context.Request.Host = new HostString($"{tenantId}.example.com");
        context.Request.Headers["X-Tenant-ID"] = tenantId;
        return context;
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
