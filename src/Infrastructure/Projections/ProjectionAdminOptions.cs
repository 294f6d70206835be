namespace Reference.Infrastructure.Projections;

/// <summary>Configuration section <c>Projections:Admin</c>: who may operate the projections of every tenant.</summary>
public sealed class ProjectionAdminOptions
{
    public const string Section = ProjectionOptions.Section + ":Admin";

    /// <summary>
    /// The permission of everything under <c>/api/admin/projections</c>. Those endpoints span tenants, so it must be a
    /// <c>platform.</c> permission (checked at start-up).
    /// </summary>
    public string ManagePermission { get; set; } = ProjectionPermissions.Manage;
}
