using Reference.Features.Orders;
using Reference.Features.Orders.Domain;
using Reference.Infrastructure.Identity.Authorization;
using Reference.IntegrationTests.Api.Tenancy;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.InMemory;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>The order row access policy on the role-based enforcement point, without HTTP: as a list predicate and for one order.</summary>
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

    private static readonly InMemoryAdapters Adapters = new(new JsonEventSerializer(new EventTypeRegistry().RegisterFromAssembly(typeof(Order).Assembly)));

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
        var predicate = await new OrderSummaryAccessPolicy(users, Permissions, Adapters.EventStore).PredicateAsync(CancellationToken.None);
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
        var predicate = await new OrderSummaryAccessPolicy(users, Permissions, Adapters.EventStore).PredicateAsync(CancellationToken.None);

        Assert.NotNull(predicate);
        var visible = predicate.Compile();
        Assert.DoesNotContain(Orders, o => visible(o));
    }

    [Fact]
    public async Task One_order_is_permitted_by_the_same_rule_judged_from_its_summary_or_its_stream()
    {
        var orderId = Guid.NewGuid();
        using (Adapters.Tenants.BeginScope("acme"))
        using (Adapters.CurrentUser.BeginScope(new Principal("alice", "alice", ["sales"], [])))
        {
            var order = Order.Place(orderId, Guid.NewGuid(), "EUR", [new OrderLine("SKU-1", 1, 1m)]);
            await Adapters.EventStore.AppendAsync(orderId.ToString(), nameof(Order), ExpectedVersion.NoStream, [.. order.PendingEvents]);
        }

        Assert.Equal((true, true), await PermitsAsync("alice", ["sales"], orderId));
        Assert.Equal((false, false), await PermitsAsync("bob", ["sales"], orderId));
        Assert.Equal((true, true), await PermitsAsync("carol", ["viewer"], orderId));
        Assert.Equal((false, false), await PermitsAsync("bob", ["auditor"], orderId));
        Assert.False((await PermitsAsync("alice", ["sales"], Guid.NewGuid())).FromStream);
    }

    private static async Task<(bool FromSummary, bool FromStream)> PermitsAsync(string userId, string[] roles, Guid orderId)
    {
        using var tenant = Adapters.Tenants.BeginScope("acme");
        using var user = Adapters.CurrentUser.BeginScope(new Principal(userId, userId, roles, []));
        var policy = new OrderSummaryAccessPolicy(Adapters.CurrentUser, Permissions, Adapters.EventStore);
        return (await policy.PermitsAsync("alice", CancellationToken.None), await policy.PermitsAsync(orderId, CancellationToken.None));
    }
}
