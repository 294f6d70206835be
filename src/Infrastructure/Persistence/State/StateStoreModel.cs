namespace Reference.Infrastructure.Persistence.State;

/// <summary>
/// The state-stored aggregates registered by the composition root: the part of the EF Core model
/// that differs between applications (and between test hosts, hence <see cref="Key"/>).
/// </summary>
public sealed class StateStoreModel(IEnumerable<IStateStoredAggregateRegistration> registrations)
{
    public IReadOnlyList<IStateStoredAggregateRegistration> Registrations { get; } = registrations.ToArray();

    /// <summary>Identifies the model for EF Core's model cache.</summary>
    public string Key { get; } = string.Join(';', registrations.Select(r => r.AggregateType.AssemblyQualifiedName));
}
