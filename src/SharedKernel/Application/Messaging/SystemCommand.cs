using Mediator;

namespace Reference.SharedKernel.Application.Messaging;

/// <summary>
/// A platform-level command (tenant administration): authorized, audited and transactional like a
/// business command, but deliberately not <see cref="ITenantScoped"/>. It runs with no ambient
/// tenant and is audited under the system tenant, so its permission must be one a tenant's own
/// roles never hold.
/// </summary>
public interface ISystemCommand<TValue> : ICommand<Result<TValue>>, IRequirePermission, IAuditable, ITransactional;
