using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Orders.Domain;
using Reference.Infrastructure.EventSourcing;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>
/// Lets a test hold one request between loading an order and saving it, so another request can
/// commit in between: the deterministic way to lose an optimistic-concurrency race.
/// </summary>
public sealed class LoadGate
{
    private TaskCompletionSource? _loaded;
    private TaskCompletionSource? _release;

    /// <summary>The next load waits after reading until <see cref="Release"/>.</summary>
    public (Task Loaded, Action Release) HoldNextLoad()
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (_loaded.Task, () => _release.TrySetResult());
    }

    public async Task PassAsync()
    {
        var loaded = Interlocked.Exchange(ref _loaded, null);
        if (loaded is not null)
        {
            loaded.TrySetResult();
            await _release!.Task;
        }
    }
}

public sealed class PausingOrderRepository(IEventSourcedRepository<Order, Guid> inner, LoadGate gate) : IEventSourcedRepository<Order, Guid>
{
    public async Task<Order?> LoadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var order = await inner.LoadAsync(id, cancellationToken);
        await gate.PassAsync();
        return order;
    }

    public Task SaveAsync(Order aggregate, CancellationToken cancellationToken = default) => inner.SaveAsync(aggregate, cancellationToken);
}

/// <summary>The application with the order repository behind a <see cref="LoadGate"/>.</summary>
public sealed class GatedApiFactory : ReferenceApiFactory
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<LoadGate>();
        // The persistence layer serves the repository of every declared aggregate; this one wraps it for orders.
        services.AddScoped<IEventSourcedRepository<Order, Guid>>(sp => new PausingOrderRepository(
            ActivatorUtilities.CreateInstance<OutboxPublishingRepository<Order, Guid>>(sp),
            sp.GetRequiredService<LoadGate>()));
    }
}
