namespace Reference.SharedKernel.Ports;

/// <summary>
/// A document of a read model: a class with settable properties, so every store can map it by
/// convention. The store stamps and filters <see cref="TenantId"/>.
/// </summary>
public interface IReadModel
{
    string Id { get; set; }

    string TenantId { get; set; }

    /// <summary>
    /// The indexes the read model's list filters and sorts need, declared next to its properties;
    /// each store creates them (after the tenant) where the documents live. None by default.
    /// </summary>
    static virtual IReadOnlyList<ReadModelIndex> Indexes => [];
}
