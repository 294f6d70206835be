using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Customers.Domain;
using Reference.Infrastructure.Persistence.State;
using Reference.IntegrationTests.Api.Orders;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Api.Customers;

/// <summary>Holds one customer read between loading and saving (<see cref="LoadGate"/>), so another write can commit in between.</summary>
public sealed class PausingCustomerRepository(IRepository<Customer, Guid> inner, LoadGate gate) : IRepository<Customer, Guid>
{
    public async Task<Customer?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var customer = await inner.GetAsync(id, cancellationToken);
        await gate.PassAsync();
        return customer;
    }

    public Task SaveAsync(Customer aggregate, CancellationToken cancellationToken = default) => inner.SaveAsync(aggregate, cancellationToken);

    public Task DeleteAsync(Customer aggregate, CancellationToken cancellationToken = default) => inner.DeleteAsync(aggregate, cancellationToken);
}

/// <summary>The application with the customer repository behind a <see cref="LoadGate"/>.</summary>
public sealed class GatedCustomersApiFactory : ReferenceApiFactory
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<LoadGate>();
        services.AddScoped<IRepository<Customer, Guid>>(sp => new PausingCustomerRepository(
            ActivatorUtilities.CreateInstance<StateStoredRepository<Customer, Guid>>(sp),
            sp.GetRequiredService<LoadGate>()));
    }
}
