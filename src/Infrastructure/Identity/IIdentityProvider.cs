using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity;

/// <summary>
/// Checks a user's credentials in one tenant and says who they are, as the same <see cref="Principal"/> whichever
/// provider answered (database users, a directory...). A failure never says why, so a caller cannot tell an unknown
/// user from a wrong password or a locked-out account.
/// </summary>
public interface IIdentityProvider
{
    /// <summary>The provider's name, as logins select it and the <c>idp</c> claim of the tokens it leads to records it.</summary>
    string Name { get; }

    /// <summary>The authenticated principal, or null when the credentials are not accepted.</summary>
    Task<Principal?> AuthenticateAsync(string tenantId, string userName, string password, CancellationToken cancellationToken);

    /// <summary>The principal again at refresh time (roles may have changed), or null when the user may no longer sign in.</summary>
    Task<Principal?> FindAsync(string tenantId, string subject, CancellationToken cancellationToken);
}
