namespace Reference.SharedKernel.Application.Messaging;

/// <summary>
/// A message whose handler changes state: it runs inside one unit of work that commits events,
/// state, outbox and audit rows together. Queries never implement it.
/// </summary>
public interface ITransactional;
