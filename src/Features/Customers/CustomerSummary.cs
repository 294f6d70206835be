using Reference.SharedKernel.Ports;

namespace Reference.Features.Customers;

/// <summary>The customer summary read model, kept up to date by <see cref="CustomerSummaryProjection"/>.</summary>
public sealed class CustomerSummary : IReadModel
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public int Renames { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
