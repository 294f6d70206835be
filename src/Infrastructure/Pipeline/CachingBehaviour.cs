using System.Security.Cryptography;
using System.Text;
using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 8 (queries): serves a cacheable query from <see cref="ICache"/>. The key combines the
/// message type, the caller's permission scope (roles and permissions: two callers who may see
/// different things never share an entry) and the query's own key; the cache adds the tenant.
/// Only successful results are cached, and never one computed while a write invalidated its tags.
/// </summary>
public sealed class CachingBehaviour<TMessage, TResponse>(ICache cache, ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, ICacheable
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var key = $"{MessageNames.Of<TMessage>()}:{PermissionScope(currentUser.Principal)}:{message.CacheKey}";
        var options = new CacheEntryOptions(message.CacheDuration) { Tags = message.CacheTags };

        // One handler call per key among concurrent readers; only successful results are stored.
        return await cache.GetOrCreateAsync(
            key,
            async ct => await next(message, ct),
            options,
            static response => response is Result { IsSuccess: true },
            cancellationToken);
    }

    private static string PermissionScope(Principal principal)
    {
        var scope = string.Join(
            ',',
            principal.Roles.Select(r => "r:" + r.ToUpperInvariant())
                .Concat(principal.Permissions.Select(p => "p:" + p.ToUpperInvariant()))
                .Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];
    }
}
