namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Any bad filter, sort or paging input. The HTTP edge maps it to a 400 problem details whose
/// <c>type</c> is <see cref="FilterErrorCodes.ProblemTypeOf"/>(<see cref="Code"/>).
/// </summary>
public sealed class FilterException(string code, string message, string? field = null, int? position = null)
    : Exception(message)
{
    /// <summary>One of <see cref="FilterErrorCodes"/>.</summary>
    public string Code { get; } = code;

    /// <summary>The field (or query parameter) at fault, when there is one.</summary>
    public string? Field { get; } = field;

    /// <summary>Zero-based character position in the filter or sort string, when there is one.</summary>
    public int? Position { get; } = position;

    public string ProblemType => FilterErrorCodes.ProblemTypeOf(Code);
}
