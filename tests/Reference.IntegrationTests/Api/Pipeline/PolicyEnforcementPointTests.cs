using Reference.Infrastructure.Identity.Authorization;
using Reference.IntegrationTests.Api.Tenancy;
using Reference.SharedKernel.Identity;

namespace Reference.IntegrationTests.Api.Pipeline;

/// <summary>Role-based decisions: grants from roles or the token, explicit deny wins, no opinion means no access.</summary>
public sealed class PolicyEnforcementPointTests
{
    private static readonly PolicyEnforcementPoint Policies = new([new RbacPolicyEvaluator(new StaticOptionsMonitor<RbacOptions>(new RbacOptions
    {
        Roles = new(StringComparer.OrdinalIgnoreCase)
        {
            ["admin"] = new RolePermissions { Allow = ["*"] },
            ["sales"] = new RolePermissions { Allow = ["orders.read", "orders.write", "orders.cancel"] },
            ["intern"] = new RolePermissions { Deny = ["orders.cancel"] },
            ["platform-admin"] = new RolePermissions { Allow = ["platform.tenants.manage"] },
        },
    }))]);

    [Theory]
    [InlineData("sales", "orders.write", true)]
    [InlineData("SALES", "orders.read", true)]
    [InlineData("sales", "audit.read", false)]
    [InlineData("admin", "audit.read", true)]
    [InlineData("unknown-role", "orders.read", false)]
    public async Task Roles_grant_their_configured_permissions(string role, string permission, bool allowed) =>
        Assert.Equal(allowed, (await Policies.EvaluateAsync(User([role]), permission)).IsAllowed);

    [Theory]
    [InlineData("platform.tenants.manage")]
    [InlineData("platform.tenants.read")]
    [InlineData("PLATFORM.anything")]
    public async Task The_wildcard_never_grants_a_platform_permission(string permission) =>
        Assert.False((await Policies.EvaluateAsync(User(["admin"]), permission)).IsAllowed);

    [Fact]
    public async Task A_platform_permission_is_granted_by_a_role_that_names_it()
    {
        Assert.True((await Policies.EvaluateAsync(User(["platform-admin"]), "platform.tenants.manage")).IsAllowed);
        Assert.False((await Policies.EvaluateAsync(User(["platform-admin"]), "platform.tenants.read")).IsAllowed);
        Assert.False((await Policies.EvaluateAsync(User(["platform-admin"]), "orders.read")).IsAllowed);
    }

    [Fact]
    public async Task An_explicit_deny_wins_over_a_grant_from_another_role()
    {
        var decision = await Policies.EvaluateAsync(User(["sales", "intern"]), "orders.cancel");

        Assert.False(decision.IsAllowed);
        Assert.Contains("explicitly denied", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permission_claim_in_the_token_grants_without_a_role()
    {
        var principal = new Principal("u1", "u1", [], ["orders.read"]);

        Assert.True((await Policies.EvaluateAsync(principal, "orders.read")).IsAllowed);
        Assert.False((await Policies.EvaluateAsync(principal, "orders.write")).IsAllowed);
    }

    [Fact]
    public async Task The_anonymous_principal_is_denied() =>
        Assert.False((await Policies.EvaluateAsync(Principal.Anonymous, "orders.read")).IsAllowed);

    private static Principal User(string[] roles) => new("u1", "u1", roles, []);
}
