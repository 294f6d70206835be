namespace Reference.SharedKernel.Application.Messaging;

/// <summary>
/// Work that must commit with a transactional message's change or not at all (its success audit record):
/// the unit-of-work step runs every hook inside the transaction, after the handler succeeded and just
/// before it commits. A hook that throws rolls the change back.
/// </summary>
public interface IBeforeCommitHook
{
    Task BeforeCommitAsync(object message, TimeSpan elapsed, CancellationToken cancellationToken);
}
