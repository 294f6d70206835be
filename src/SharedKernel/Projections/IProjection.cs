namespace Reference.SharedKernel.Projections;

/// <summary>What the projection engine needs to know about a projection without knowing its read model.</summary>
public interface IProjection
{
    /// <summary>A stable name: it keys checkpoints, dead letters and the read model's storage.</summary>
    string Name { get; }

    Type ReadModelType { get; }

    IReadOnlyCollection<Type> EventTypes { get; }

    bool Handles(Type eventType);
}
