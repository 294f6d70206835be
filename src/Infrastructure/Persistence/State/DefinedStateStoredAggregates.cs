using Microsoft.Extensions.DependencyInjection;
using Reference.SharedKernel.Domain;

namespace Reference.Infrastructure.Persistence.State;

/// <summary>
/// The state-stored aggregates of a container: those the slices declare with a <see cref="StateStoredAggregateDefinition"/>
/// (mapped by convention) and those added through <see cref="PersistenceBuilder.AddStateStoredAggregate{TAggregate,TId}"/>
/// (with their customisation). Used by the host and by <c>dotnet ef</c>'s design-time factories alike.
/// </summary>
public static class DefinedStateStoredAggregates
{
    public static StateStoreModel ModelOf(IServiceProvider services)
    {
        var registered = services.GetServices<IStateStoredAggregateRegistration>().ToList();
        var declared = services.GetServices<StateStoredAggregateDefinition>()
            .Where(d => registered.TrueForAll(r => r.AggregateType != d.AggregateType))
            .Select(d => d.Accept(ConventionMapping.Instance));
        return new StateStoreModel([.. registered, .. declared]);
    }

    private sealed class ConventionMapping : IStateStoredAggregateVisitor<IStateStoredAggregateRegistration>
    {
        public static readonly ConventionMapping Instance = new();

        public IStateStoredAggregateRegistration Visit<TAggregate, TId>()
            where TAggregate : AggregateRoot<TId>
            where TId : notnull => new StateStoredAggregateRegistration<TAggregate, TId>(customize: null);
    }
}
