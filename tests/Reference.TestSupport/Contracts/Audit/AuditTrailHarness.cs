using Reference.SharedKernel.Ports;

namespace Reference.TestSupport.Contracts.Audit;

/// <summary>
/// What an adapter hands to <see cref="AuditTrailContractTests"/>: the trail, the unit of work it joins,
/// and a way to tamper with storage behind the port (replace a tenant's stored records, in sequence
/// order, with the edited list), as someone with direct database access could.
/// </summary>
public sealed class AuditTrailHarness(
    IAuditTrail auditTrail,
    IUnitOfWork unitOfWork,
    Func<string, Func<IReadOnlyList<AuditRecord>, IReadOnlyList<AuditRecord>>, Task> tamper,
    Func<ValueTask>? dispose = null) : IAsyncDisposable
{
    public IAuditTrail AuditTrail { get; } = auditTrail;

    public IUnitOfWork UnitOfWork { get; } = unitOfWork;

    public Task TamperAsync(string tenantId, Func<IReadOnlyList<AuditRecord>, IReadOnlyList<AuditRecord>> edit) => tamper(tenantId, edit);

    public ValueTask DisposeAsync() => dispose?.Invoke() ?? ValueTask.CompletedTask;
}
