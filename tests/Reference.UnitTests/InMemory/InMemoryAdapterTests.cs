using Reference.SharedKernel.Application;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.InMemory;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using Reference.TestSupport.Contracts;

namespace Reference.UnitTests.InMemory;

/// <summary>Behaviour of the in-memory adapters beyond the port contracts.</summary>
public sealed class InMemoryAdapterTests
{
    private readonly InMemoryAdapters _adapters = new(ContractEvents.Serializer());

    private sealed record CustomerView(Guid Id, string Name);

    [Fact]
    public async Task The_cache_keeps_a_query_result_and_hands_back_a_copy_that_its_tag_invalidates()
    {
        using var scope = _adapters.Tenants.BeginScope("tenant-a");
        Result<CustomerView> result = new CustomerView(Guid.NewGuid(), "Ada");
        await _adapters.Cache.SetAsync("customer", result, new CacheEntryOptions(TimeSpan.FromMinutes(1)) { Tags = ["customer:1"] });

        var hit = await _adapters.Cache.GetAsync<Result<CustomerView>>("customer");
        await _adapters.Cache.InvalidateTagAsync("customer:1");
        var afterInvalidation = await _adapters.Cache.GetAsync<Result<CustomerView>>("customer");

        Assert.True(hit.Hit);
        Assert.NotSame(result, hit.Value);
        Assert.Equal(result.Value, hit.Value!.Value);
        Assert.False(afterInvalidation.Hit);
    }

    [Fact]
    public async Task A_begin_cancelled_while_waiting_for_the_writer_leaves_no_transaction_behind()
    {
        using var scope = _adapters.Tenants.BeginScope("tenant-a");
        var holderHasLock = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = Task.Run(async () =>
        {
            await using var unitOfWork = await _adapters.UnitOfWork.BeginAsync();
            holderHasLock.SetResult();
            await release.Task;
            await unitOfWork.CommitAsync();
        });
        await holderHasLock.Task;

        using var cancellation = new CancellationTokenSource();
        var waiting = _adapters.UnitOfWork.BeginAsync(cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.SetResult();
        await holder;

        Assert.False(_adapters.UnitOfWork.IsActive);
        await _adapters.EventStore.AppendAsync("s-1", "test", ExpectedVersion.NoStream, [ContractEvents.Added()]);
        Assert.Equal(1, await _adapters.EventStore.GetStreamVersionAsync("s-1"));
    }

    [Fact]
    public async Task A_failing_after_commit_action_does_not_undo_the_commit_or_stop_the_others()
    {
        using var scope = _adapters.Tenants.BeginScope("tenant-a");
        var ran = new List<string>();

        await using (var unitOfWork = await _adapters.UnitOfWork.BeginAsync())
        {
            await _adapters.EventStore.AppendAsync("s-1", "test", ExpectedVersion.NoStream, [ContractEvents.Added()]);
            _adapters.UnitOfWork.AfterCommit(_ => throw new InvalidOperationException("mail server down"));
            _adapters.UnitOfWork.AfterCommit(_ =>
            {
                ran.Add("second");
                return Task.CompletedTask;
            });

            var failure = await Assert.ThrowsAsync<AggregateException>(() => unitOfWork.CommitAsync());
            Assert.IsType<InvalidOperationException>(Assert.Single(failure.InnerExceptions));
        }

        Assert.Equal(["second"], ran);
        Assert.Equal(1, await _adapters.EventStore.GetStreamVersionAsync("s-1"));
    }

    [Fact]
    public async Task Committing_an_owner_handle_twice_is_an_error()
    {
        await using var unitOfWork = await _adapters.UnitOfWork.BeginAsync();
        await unitOfWork.CommitAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => unitOfWork.CommitAsync());
    }

    [Fact]
    public async Task The_notification_recorder_shows_each_tenant_only_its_own_notifications()
    {
        using (_adapters.Tenants.BeginScope("tenant-a"))
        {
            await _adapters.Notifications.SendAsync(new Notification("email", "a@example.test", "s", "b"));
        }

        using (_adapters.Tenants.BeginScope("tenant-b"))
        {
            Assert.Empty(_adapters.Notifications.Sent());
        }

        using (_adapters.Tenants.BeginScope("tenant-a"))
        {
            Assert.Equal("a@example.test", Assert.Single(_adapters.Notifications.Sent()).Notification.Recipient);
        }
    }

    [Fact]
    public async Task A_failing_subscriber_fails_the_publish_after_the_others_ran()
    {
        var delivered = 0;
        await using var failing = _adapters.Broker.Subscribe("orders", (_, _) => throw new InvalidOperationException("handler bug"));
        await using var working = _adapters.Broker.Subscribe("orders", (_, _) =>
        {
            delivered++;
            return Task.CompletedTask;
        });
        using var scope = _adapters.Tenants.BeginScope("tenant-a");

        await Assert.ThrowsAsync<AggregateException>(() =>
            _adapters.Broker.PublishAsync(new BrokerMessage(Guid.NewGuid(), "orders", "order.placed", "{}", new Dictionary<string, string>())));

        Assert.Equal(1, delivered);
        Assert.Equal("tenant-a", Assert.Single(_adapters.Broker.Published).Headers[MessageHeaders.TenantId]);
    }

    [Theory]
    [InlineData("a/b", "c", "a", "b/c")]
    [InlineData("a", "1:b/c", "1:a", "b/c")]
    public void Tenant_scoped_keys_cannot_be_forged_by_choosing_a_tenant_id_and_key(string tenant1, string key1, string tenant2, string key2)
    {
        var tenants = new AmbientTenantContext();
        string first;
        using (tenants.BeginScope(tenant1))
        {
            first = TenantKeys.Scoped(tenants, key1);
        }

        using (tenants.BeginScope(tenant2))
        {
            Assert.NotEqual(first, TenantKeys.Scoped(tenants, key2));
        }
    }

    [Fact]
    public void The_system_scope_keys_differ_from_a_tenant_named_like_it()
    {
        var tenants = new AmbientTenantContext();
        string system;
        using (tenants.BeginSystemScope())
        {
            system = TenantKeys.Scoped(tenants, "job");
        }

        using (tenants.BeginScope("~system"))
        {
            Assert.NotEqual(system, TenantKeys.Scoped(tenants, "job"));
        }
    }

    [Theory]
    [InlineData("a.txt")]
    [InlineData("invoices/2030/01/invoice..final.pdf")]
    [InlineData("folder/.hidden")]
    public void Ordinary_blob_paths_are_accepted(string path) =>
        Assert.Null(Record.Exception(() => BlobPathRules.Validate(path)));
}
