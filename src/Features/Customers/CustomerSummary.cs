using Reference.SharedKernel.Ports;

namespace Reference.Features.Customers;

/// <summary>The customer summary read model, kept up to date by <see cref="CustomerSummaryProjection"/>.</summary>
public sealed class CustomerSummary : IReadModel
{
    /// <summary>
    /// What <c>GET /api/customers</c> sorts on (<see cref="CustomerSummaryFields"/>), by name by default
    /// and by email for look-ups. Stores put the tenant in front of each.
    /// </summary>
    public static IReadOnlyList<ReadModelIndex> Indexes { get; } =
    [
        ReadModelIndex.On(nameof(Name)),
        ReadModelIndex.On(nameof(Email)),
        ReadModelIndex.On(nameof(RegisteredAt)),
    ];

    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public int Renames { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
