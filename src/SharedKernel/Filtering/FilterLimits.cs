namespace Reference.SharedKernel.Filtering;

/// <summary>Bounds on what one request may ask for. Over a bound is a 400, never a silent clamp.</summary>
public sealed record FilterLimits
{
    public static readonly FilterLimits Default = new();

    public int MaxFilterLength { get; init; } = 2048;

    public int MaxClauses { get; init; } = 50;

    public int MaxDepth { get; init; } = 16;

    public int MaxListValues { get; init; } = 100;

    public int MaxSortFields { get; init; } = 5;

    public int DefaultPageSize { get; init; } = 20;

    public int MaxPageSize { get; init; } = 100;
}
