using Reference.Features.Orders;
using Reference.Infrastructure.Identity.Authorization;
using Reference.IntegrationTests.Api.Tenancy;
using Reference.SharedKernel.Identity;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>The order row access policy on the role-based enforcement point, without HTTP.</summary>
public sealed class OrderSummaryAccessPolicyTests
{
    private static readonly PolicyPermissionChecker Permissions = new(new PolicyEnforcementPoint([new RbacPolicyEvaluator(
        new StaticOptionsMonitor<RbacOptions>(new RbacOptions
        {
            Roles = new(StringComparer.OrdinalIgnoreCase)
            {
                ["admin"] = new RolePermissions { Allow = ["*"] },
                ["sales"] = new RolePermissions { Allow = ["orders.read"] },
                ["viewer"] = new RolePermissions { Allow = ["orders.read", "orders.read.all"] },
                ["auditor"] = new RolePermissions { Allow = ["*"], Deny = ["orders.read.all"] },
            },
        }))]));

    private static readonly OrderSummary[] Orders =
    [
        new() { Id = "1", PlacedBy = "alice" },
        new() { Id = "2", PlacedBy = "bob" },
        new() { Id = "3", PlacedBy = "" },
    ];

    private static async Task<string[]> VisibleTo(string userId, string[] roles, string[]? permissions = null)
    {
        var users = new AmbientCurrentUser();
        using var scope = users.BeginScope(new Principal(userId, userId, roles, permissions ?? []));
        var predicate = await new OrderSummaryAccessPolicy(users, Permissions).PredicateAsync(CancellationToken.None);
        return [.. Orders.Where(predicate is null ? _ => true : predicate.Compile()).Select(o => o.Id)];
    }

    [Fact]
    public async Task Sales_see_only_the_orders_they_placed()
    {
        Assert.Equal(["1"], await VisibleTo("alice", ["sales"]));
        Assert.Equal(["2"], await VisibleTo("bob", ["sales"]));
    }

    [Fact]
    public async Task Read_all_from_a_role_or_the_token_lifts_the_restriction()
    {
        Assert.Equal(["1", "2", "3"], await VisibleTo("carol", ["admin"]));
        Assert.Equal(["1", "2", "3"], await VisibleTo("carol", ["viewer"]));
        Assert.Equal(["1", "2", "3"], await VisibleTo("carol", ["sales"], [OrderPermissions.ReadAll]));
    }

    [Fact]
    public async Task An_explicit_deny_of_read_all_restricts_even_a_wildcard_role()
    {
        Assert.Equal(["2"], await VisibleTo("bob", ["auditor"]));
    }

    [Fact]
    public async Task The_anonymous_principal_sees_no_order_without_a_placer()
    {
        var users = new AmbientCurrentUser();
        var predicate = await new OrderSummaryAccessPolicy(users, Permissions).PredicateAsync(CancellationToken.None);

        Assert.NotNull(predicate);
        var visible = predicate.Compile();
        Assert.DoesNotContain(Orders, o => visible(o));
    }
}
