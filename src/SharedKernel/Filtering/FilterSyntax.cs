namespace Reference.SharedKernel.Filtering;

/// <summary>The two accepted filter syntaxes; see <see cref="FilterParser"/> for how one is chosen.</summary>
public enum FilterSyntax
{
    /// <summary><c>status=active,total&gt;=100|(name=*ann/i)</c></summary>
    Gridify,

    /// <summary><c>status:eq:active,total:gte:100</c></summary>
    Colon,
}
