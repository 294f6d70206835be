using Mediator;

namespace Reference.SharedKernel.Application.Messaging;

/// <summary>A platform-level query: authorized and not tenant-scoped (see <see cref="ISystemCommand{TValue}"/>).</summary>
public interface ISystemQuery<TValue> : IQuery<Result<TValue>>, IRequirePermission;
