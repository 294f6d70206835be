namespace Reference.Infrastructure.Projections;

/// <summary>Permissions of the projection operator endpoints (<see cref="ProjectionAdminEndpoints"/>).</summary>
public static class ProjectionPermissions
{
    /// <summary>
    /// The default of <c>Projections:Admin:ManagePermission</c>: status, rebuilds and every tenant's dead letters.
    /// A platform permission, so no tenant role's <c>*</c> grants it.
    /// </summary>
    public const string Manage = "platform.projections.manage";

    /// <summary>List and re-drive the projection dead letters of one's own tenant (the <c>admin</c> role holds it through <c>*</c>).</summary>
    public const string ManageDeadLetters = "projections.dead-letters.manage";
}
