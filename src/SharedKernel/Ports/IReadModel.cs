namespace Reference.SharedKernel.Ports;

/// <summary>
/// A document of a read model: a class with settable properties, so every store can map it by
/// convention. The store stamps and filters <see cref="TenantId"/>.
/// </summary>
public interface IReadModel
{
    string Id { get; set; }

    string TenantId { get; set; }
}
