using Mediator;

namespace Reference.SharedKernel.Application.Messaging;

/// <summary>The usual shape of a query: tenant-scoped and authorized, never transactional.</summary>
public interface ITenantQuery<TValue> : IQuery<Result<TValue>>, ITenantScoped, IRequirePermission;
