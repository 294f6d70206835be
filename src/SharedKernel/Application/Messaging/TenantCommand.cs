using Mediator;

namespace Reference.SharedKernel.Application.Messaging;

/// <summary>
/// The usual shape of a business command: tenant-scoped, authorized, audited and transactional.
/// A command may still opt into other markers (e.g. <see cref="IInvalidatesCache"/>).
/// </summary>
public interface ITenantCommand<TValue> : ICommand<Result<TValue>>, ITenantScoped, IRequirePermission, IAuditable, ITransactional;
