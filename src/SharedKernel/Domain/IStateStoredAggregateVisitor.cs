namespace Reference.SharedKernel.Domain;

/// <summary>Receives a <see cref="StateStoredAggregateDefinition"/>'s type arguments.</summary>
public interface IStateStoredAggregateVisitor<out TResult>
{
    TResult Visit<TAggregate, TId>()
        where TAggregate : AggregateRoot<TId>
        where TId : notnull;
}
