namespace Reference.Web.Composition;

/// <summary>Configuration section <c>Api</c>: limits of the HTTP edge.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest accepted request body; larger ones get 413. Default 1 MB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
