namespace Reference.SharedKernel.Ports;

/// <summary>A document of a read model. The store stamps and filters <see cref="TenantId"/>.</summary>
public interface IReadModel
{
    string Id { get; }

    string TenantId { get; set; }
}
