using Reference.SharedKernel.Filtering;

namespace Reference.FilteringBenchmarks;

public enum BenchStatus
{
    Pending,
    Active,
    Shipped,
}

/// <summary>The row the benchmarks filter, in memory and in PostgreSQL.</summary>
public sealed class BenchOrder
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public int Number { get; set; }

    public string? Title { get; set; }

    public BenchStatus Status { get; set; }

    public decimal Total { get; set; }

    public DateTime CreatedAt { get; set; }

    public string Customer { get; set; } = "";

    public static readonly FieldMap<BenchOrder> Map = FieldMap.For<BenchOrder>()
        .Key(o => o.Id)
        .Tenant(o => o.TenantId)
        .Field("number", o => o.Number, f => f.Sortable())
        .Field("title", o => o.Title)
        .Field("status", o => o.Status)
        .Field("total", o => o.Total, f => f.Sortable())
        .Field("createdAt", o => o.CreatedAt, f => f.Sortable())
        .Field("customer", o => o.Customer)
        .Build();

    public static List<BenchOrder> Generate(int count, int tenants)
    {
        var statuses = Enum.GetValues<BenchStatus>();
        return Enumerable.Range(0, count).Select(i => new BenchOrder
        {
            Id = $"o{i:D6}",
            TenantId = $"tenant-{i % tenants}",
            Number = i,
            Title = i % 7 == 0 ? null : $"Order {i} {(i % 3 == 0 ? "urgent" : "regular")}",
            Status = statuses[i % statuses.Length],
            Total = (i * 37 % 2000) + 0.5m,
            CreatedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i),
            Customer = $"Customer {i % 50}",
        }).ToList();
    }
}
