namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Holds one user value inside a translated expression. EF Core turns a member read on a constant into a
/// SQL parameter (a bare constant would be inlined into the SQL text); MongoDB's provider evaluates it.
/// </summary>
public sealed class FilterParameter<TValue>(TValue value)
{
    public TValue Value { get; } = value;
}
