namespace Reference.SharedKernel.Filtering;

/// <summary>One requested sort key: the field as written, its direction and where it appeared.</summary>
public sealed record SortField(string Field, bool Descending, int Position);
