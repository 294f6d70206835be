using Mediator;
using Reference.Features;
using Reference.Infrastructure.Pipeline;

namespace Reference.Web.Composition;

public static class MediatorRegistration
{
    /// <summary>
    /// The source-generated mediator and its pipeline, outermost first. Each behaviour applies only
    /// to messages carrying its marker interface:
    /// <list type="number">
    /// <item>Tracing: an activity and a log scope for every message.</item>
    /// <item>Tenancy (<c>ITenantScoped</c>): no tenant, no handler.</item>
    /// <item>Authorization (<c>IRequirePermission</c>): the policy enforcement point decides; denials are audited.</item>
    /// <item>Validation (any message with validators): every failure at once; rejections are audited.</item>
    /// <item>Idempotency (<c>ITransactional</c> sent with an <c>Idempotency-Key</c>): claims the key, or answers with the first request's result and runs nothing.</item>
    /// <item>Audit (<c>IAuditable</c>): owns the transaction so the success record commits with the change.</item>
    /// <item>Caching (<c>ICacheable</c> queries) and cache invalidation (<c>IInvalidatesCache</c> commands, after commit).</item>
    /// <item>Unit of work (<c>ITransactional</c>): joins or begins the transaction; queries never get one.</item>
    /// <item>Idempotency completion (<c>ITransactional</c> with a claimed key): stores the result with the key, in the transaction.</item>
    /// </list>
    /// Scoped lifetime, because handlers use scoped persistence services (DbContext, connections).
    /// </summary>
    public static IServiceCollection AddReferenceMediator(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(FeaturesAssembly)];
            options.PipelineBehaviors =
            [
                typeof(TracingBehaviour<,>),
                typeof(TenancyBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(IdempotencyBehaviour<,>),
                typeof(AuditBehaviour<,>),
                typeof(CachingBehaviour<,>),
                typeof(CacheInvalidationBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
                typeof(IdempotencyCompletionBehaviour<,>),
            ];
        });
        return services;
    }
}
