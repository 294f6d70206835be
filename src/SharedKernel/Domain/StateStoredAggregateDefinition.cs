namespace Reference.SharedKernel.Domain;

/// <summary>
/// A slice's statement that an aggregate is state-stored (a row per aggregate, its events announced through the outbox).
/// A slice module registers one as a singleton; the persistence layer maps the aggregate and serves its repository.
/// </summary>
public abstract class StateStoredAggregateDefinition
{
    private protected StateStoredAggregateDefinition()
    {
    }

    public abstract Type AggregateType { get; }

    public static StateStoredAggregateDefinition Of<TAggregate, TId>()
        where TAggregate : AggregateRoot<TId>
        where TId : notnull => new Definition<TAggregate, TId>();

    /// <summary>Hands the aggregate's type arguments to <paramref name="visitor"/>, so an adapter can register generic types without reflection.</summary>
    public abstract TResult Accept<TResult>(IStateStoredAggregateVisitor<TResult> visitor);

    private sealed class Definition<TAggregate, TId> : StateStoredAggregateDefinition
        where TAggregate : AggregateRoot<TId>
        where TId : notnull
    {
        public override Type AggregateType => typeof(TAggregate);

        public override TResult Accept<TResult>(IStateStoredAggregateVisitor<TResult> visitor)
        {
            ArgumentNullException.ThrowIfNull(visitor);
            return visitor.Visit<TAggregate, TId>();
        }
    }
}
