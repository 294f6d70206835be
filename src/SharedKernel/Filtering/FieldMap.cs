namespace Reference.SharedKernel.Filtering;

/// <summary>Entry point for declaring a field map: <c>FieldMap.For&lt;OrderRow&gt;()...Build()</c>.</summary>
public static class FieldMap
{
    public static FieldMapBuilder<T> For<T>() => new();
}
