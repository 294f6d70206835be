namespace Reference.Features.Shared.Http;

/// <summary>
/// Describes one OpenAPI tag a slice's endpoints use (<c>Description(d =&gt; d.WithTags("Orders"))</c>), so the
/// document's tag list comes from the slices that exist: declared once per slice, on the assembly, in the slice's
/// folder (<c>[assembly: ApiTag("Orders", "...")]</c>), and gone with the folder.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ApiTagAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
