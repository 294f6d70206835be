using System.Security.Claims;
using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity;

/// <summary>Builds the application's <see cref="Principal"/> from a validated token's claims.</summary>
public static class PrincipalFactory
{
    public static Principal From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return Principal.Anonymous;
        }

        var subject = user.FindFirstValue(ReferenceClaimTypes.Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user.FindFirstValue(ReferenceClaimTypes.Name) ?? user.FindFirstValue(ReferenceClaimTypes.UniqueName) ?? subject;
        if (subject is null)
        {
            return Principal.Anonymous;
        }

        return new Principal(
            subject,
            name ?? subject,
            [.. Values(user, ReferenceClaimTypes.Role)],
            [.. Values(user, ReferenceClaimTypes.Permissions)],
            user.FindFirstValue(ReferenceClaimTypes.TenantId));
    }

    // Some issuers send repeated claims, others one space-separated claim (OAuth scope style).
    private static IEnumerable<string> Values(ClaimsPrincipal user, string type) =>
        user.FindAll(type)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
