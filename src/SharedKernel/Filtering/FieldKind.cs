namespace Reference.SharedKernel.Filtering;

/// <summary>What a field holds; decides its default operators and how values convert.</summary>
public enum FieldKind
{
    Text,
    Number,
    Boolean,
    Guid,
    Enum,
    DateTime,
    DateTimeOffset,
    DateOnly,

    /// <summary>Any other type with a custom converter: equality and lists only.</summary>
    Custom,
}
