using Reference.SharedKernel.Application;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Tenancy;

namespace Reference.UnitTests.Context;

public sealed class AmbientContextTests
{
    private readonly AmbientTenantContext _tenants = new();
    private readonly AmbientCorrelationContext _correlation = new();
    private readonly AmbientCurrentUser _user = new();

    [Fact]
    public async Task A_tenant_scope_flows_across_awaits_and_into_task_run()
    {
        using var scope = _tenants.BeginScope("tenant-a");

        await Task.Yield();
        var seenInTask = await Task.Run(() => _tenants.TenantId);

        Assert.Equal(("tenant-a", "tenant-a"), (_tenants.TenantId, seenInTask));
        Assert.Equal("tenant-a", _tenants.RequireTenantId());
    }

    [Fact]
    public void Disposing_a_scope_restores_the_one_before_it_and_disposing_twice_is_harmless()
    {
        using var outer = _tenants.BeginScope("outer");
        var inner = _tenants.BeginScope("inner");
        Assert.Equal("inner", _tenants.TenantId);

        inner.Dispose();
        inner.Dispose();

        Assert.Equal("outer", _tenants.TenantId);
    }

    [Fact]
    public void Outside_any_scope_tenant_work_fails_closed()
    {
        Assert.Null(_tenants.TenantId);
        Assert.False(_tenants.IsSystemScope);
        Assert.Throws<TenantRequiredException>(() => _tenants.RequireTenantId());
        Assert.Throws<ArgumentException>(() => _tenants.BeginScope(" "));
    }

    [Fact]
    public void The_system_scope_is_explicit_and_has_no_tenant()
    {
        using var scope = _tenants.BeginSystemScope();

        Assert.True(_tenants.IsSystemScope);
        Assert.Null(_tenants.TenantId);
        Assert.Throws<TenantRequiredException>(() => _tenants.RequireTenantId());
    }

    [Fact]
    public async Task Parallel_flows_keep_their_own_tenant()
    {
        // Every flow opens its scope before any of them reads, so they genuinely overlap.
        const int Flows = 10;
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = await Task.WhenAll(Enumerable.Range(0, Flows).Select(i => Task.Run(async () =>
        {
            using var scope = _tenants.BeginScope($"tenant-{i}");
            if (Interlocked.Increment(ref started) == Flows)
            {
                allStarted.SetResult();
            }

            await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return (Expected: $"tenant-{i}", Actual: _tenants.TenantId);
        })));

        Assert.All(seen, s => Assert.Equal(s.Expected, s.Actual));
        Assert.Null(_tenants.TenantId);
    }

    [Fact]
    public async Task A_scope_opened_in_a_child_flow_does_not_leak_into_the_parent()
    {
        using var scope = _tenants.BeginScope("parent");

        await Task.Run(() => _tenants.BeginScope("child"));
        await OpenScopeInAsyncMethod();

        Assert.Equal("parent", _tenants.TenantId);
    }

    [Fact]
    public async Task Correlation_is_created_once_per_flow_and_scoped_with_its_causation()
    {
        var implicitId = await Task.Run(() => (_correlation.CorrelationId, _correlation.CorrelationId));
        Assert.Equal(implicitId.Item1, implicitId.Item2);

        using (_correlation.BeginScope("correlation-1", "message-9"))
        {
            await Task.Yield();
            Assert.Equal(("correlation-1", "message-9"), (_correlation.CorrelationId, _correlation.CausationId));
        }

        Assert.Null(_correlation.CausationId);
        Assert.Throws<ArgumentException>(() => _correlation.BeginScope(""));
    }

    [Fact]
    public async Task The_current_user_is_anonymous_until_a_scope_sets_one()
    {
        Assert.Same(Principal.Anonymous, _user.Principal);
        Assert.False(_user.Principal.IsAuthenticated);

        var ada = new Principal("user-1", "Ada", ["Admin"], ["orders.write"], "tenant-a");
        using (_user.BeginScope(ada))
        {
            var seen = await Task.Run(() => _user.Principal);
            Assert.Same(ada, seen);
            Assert.True(seen.IsAuthenticated);
            Assert.True(seen.IsInRole("admin"));
            Assert.True(seen.HasPermission("ORDERS.WRITE"));
            Assert.False(seen.HasPermission("orders.delete"));
        }

        Assert.Same(Principal.Anonymous, _user.Principal);
        Assert.True(Principal.System("projector").IsInRole("system"));
    }

    private async Task OpenScopeInAsyncMethod()
    {
        _tenants.BeginScope("async-child");
        await Task.Yield();
    }
}
