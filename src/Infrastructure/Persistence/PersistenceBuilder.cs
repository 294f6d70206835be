using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.Infrastructure.Persistence.State;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Persistence;

/// <summary>
/// What the composition root tells the persistence layer about the application: which aggregates
/// are state-stored (and how to map what conventions cannot), and where their migrations live.
/// </summary>
public sealed class PersistenceBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>
    /// The assembly holding the state-stored aggregates' migrations (usually the composition root).
    /// When none is set, missing aggregate tables are created from the model at migration time,
    /// which suits tests and first runs; production schemas should come from migrations.
    /// </summary>
    public string? StateMigrationsAssembly { get; set; }

    /// <summary>
    /// Persists <typeparamref name="TAggregate"/> in its own table through EF Core and registers
    /// <see cref="IRepository{TAggregate,TId}"/> for it. See <see cref="StateStoredAggregateRegistration{TAggregate,TId}"/>
    /// for the conventions; <paramref name="customize"/> adds to them (indexes, column sizes, ...).
    /// </summary>
    public PersistenceBuilder AddStateStoredAggregate<TAggregate, TId>(Action<EntityTypeBuilder<TAggregate>>? customize = null)
        where TAggregate : AggregateRoot<TId>
        where TId : notnull
    {
        Services.AddSingleton<IStateStoredAggregateRegistration>(new StateStoredAggregateRegistration<TAggregate, TId>(customize));
        Services.TryAddScoped<IRepository<TAggregate, TId>, StateStoredRepository<TAggregate, TId>>();
        return this;
    }
}
