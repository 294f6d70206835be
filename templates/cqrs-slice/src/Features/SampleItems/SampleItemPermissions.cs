namespace Reference.Features.SampleItems;

/// <summary>The permissions the SampleItems slice checks; grant them to roles under <c>Authorization:Rbac:Roles</c>.</summary>
public static class SampleItemPermissions
{
    public const string Write = "sample-items.write";
}
