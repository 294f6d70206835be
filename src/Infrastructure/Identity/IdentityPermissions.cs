namespace Reference.Infrastructure.Identity;

/// <summary>The permissions of the identity endpoints; a tenant's <c>admin</c> holds both through <c>*</c>.</summary>
public static class IdentityPermissions
{
    /// <summary>Register database users in the caller's tenant (<c>POST /api/auth/register</c> with a token).</summary>
    public const string ManageUsers = "users.manage";

    /// <summary>Create, list and revoke the caller's tenant's API keys.</summary>
    public const string ManageApiKeys = "apikeys.manage";
}
