namespace Reference.Infrastructure.Identity.Users;

/// <summary>Configuration section <c>Identity:Database</c>: users kept in the application database, per tenant.</summary>
public sealed class DatabaseUsersOptions
{
    public const string SectionName = "Identity:Database";

    /// <summary>On by default: <c>/api/auth</c> works with no configuration.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether anyone may register in a tenant with <c>X-Tenant-ID</c> and no token (they get <see cref="SelfRegistrationRoles"/>).</summary>
    public bool AllowSelfRegistration { get; set; }

    public List<string> SelfRegistrationRoles { get; set; } = ["viewer"];

    /// <summary>The roles a tenant administrator may give a user; never a platform role.</summary>
    public List<string> AssignableRoles { get; set; } = ["admin", "sales", "viewer"];

    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public int MinPasswordLength { get; set; } = 8;

    /// <summary>A user created at start-up in Development only (appsettings.Development.json), so a token needs no tooling.</summary>
    public DevelopmentUser? DevelopmentUser { get; set; }
}

/// <summary>The Development user: who, in which tenant, with which roles.</summary>
public sealed class DevelopmentUser
{
    public string Tenant { get; set; } = "";

    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}
