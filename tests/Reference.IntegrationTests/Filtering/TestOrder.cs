using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Filtering;

/// <summary>A read model shaped like a real order list: scalars of every kind, a nested object and collections.</summary>
public sealed class TestOrder : IReadModel
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string OwnerId { get; set; } = "";

    public int Number { get; set; }

    public string? Title { get; set; }

    public TestOrderStatus Status { get; set; }

    public decimal Total { get; set; }

    public int? Priority { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateOnly DueOn { get; set; }

    public bool Paid { get; set; }

    public Guid ExternalRef { get; set; }

    public TestCustomer Customer { get; set; } = new();

    public List<TestOrderLine> Lines { get; set; } = [];

    public List<string> Tags { get; set; } = [];
}

public sealed class TestCustomer
{
    public string Name { get; set; } = "";

    public string? Email { get; set; }
}

public sealed class TestOrderLine
{
    public string Sku { get; set; } = "";

    public int Quantity { get; set; }
}

public enum TestOrderStatus
{
    Pending,
    Active,
    Shipped,
    Cancelled,
}
