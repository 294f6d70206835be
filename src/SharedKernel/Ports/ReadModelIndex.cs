namespace Reference.SharedKernel.Ports;

/// <summary>
/// An index a read model's list queries need: the document properties it covers, in order. Every
/// store puts the tenant in front (every query filters by it), so a declaration names only what
/// follows it and cannot build an index that serves one tenant's query by scanning all tenants.
/// </summary>
public sealed class ReadModelIndex
{
    private ReadModelIndex(IReadOnlyList<string> properties) => Properties = properties;

    /// <summary>Property names of the document, as <c>nameof</c> gives them.</summary>
    public IReadOnlyList<string> Properties { get; }

    public static ReadModelIndex On(params string[] properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (properties.Length == 0 || properties.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("An index names at least one property, and no blank ones.", nameof(properties));
        }

        return new ReadModelIndex(properties);
    }

    public override string ToString() => $"({string.Join(", ", Properties)})";
}
