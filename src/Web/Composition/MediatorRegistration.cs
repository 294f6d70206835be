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
    /// <item>Expected failures (any message answering a <c>Result</c>): the one failure channel; an exception with an expected meaning becomes the failed result.</item>
    /// <item>Tenancy (<c>ITenantScoped</c>): no tenant, no handler.</item>
    /// <item>Audit (<c>IAuditable</c>): the one place denials, rejections and failures are recorded, after everything further in rolled back.</item>
    /// <item>Authorization (<c>IRequirePermission</c>): the policy enforcement point decides.</item>
    /// <item>Validation (any message with validators): every failure at once.</item>
    /// <item>Idempotency (<c>ITransactional</c> sent with an <c>Idempotency-Key</c>): claims the key, or answers with the first request's result and runs nothing.</item>
    /// <item>Caching (<c>ICacheable</c> queries).</item>
    /// <item>Unit of work (<c>ITransactional</c>): the one owner of the transaction; writes the success audit record just before it commits.</item>
    /// <item>Cache invalidation (<c>IInvalidatesCache</c> commands): queued for after the commit.</item>
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
                typeof(ExpectedFailureBehaviour<,>),
                typeof(TenancyBehaviour<,>),
                typeof(AuditBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(IdempotencyBehaviour<,>),
                typeof(CachingBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
                typeof(CacheInvalidationBehaviour<,>),
                typeof(IdempotencyCompletionBehaviour<,>),
            ];
        });
        return services;
    }
}
