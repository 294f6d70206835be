using System.Globalization;

namespace Reference.IntegrationTests.Filtering;

/// <summary>
/// The seeded dataset: ten orders of tenant A and four of tenant B. B's rows deliberately repeat A's values,
/// so any leak across tenants changes a result.
/// </summary>
public static class TestOrders
{
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";

    public static IReadOnlyList<TestOrder> All() =>
    [
        Order("a01", TenantA, "u1", 1, "Alpha order", TestOrderStatus.Active, 100.00m, 1, "2024-01-05T10:00:00Z", "2024-02-01", true, "Ann Smith", "ann@x.test", [("SKU-1", 2), ("SKU-2", 1)], ["urgent", "vip"]),
        Order("a02", TenantA, "u2", 2, "beta order", TestOrderStatus.Pending, 250.50m, null, "2024-01-05T23:30:00Z", "2024-02-15", false, "Bob Jones", null, [("SKU-2", 5)], ["vip"]),
        Order("a03", TenantA, "u1", 3, null, TestOrderStatus.Cancelled, 0.99m, 3, "2024-01-06T00:00:00Z", "2024-03-01", false, "ann lee", "ann.lee@y.test", [], []),
        Order("a04", TenantA, "u2", 4, "", TestOrderStatus.Active, 1000.00m, 2, "2024-02-10T08:15:00Z", "2024-03-10", true, "Carl (Ltd)", "carl@x.test", [("SKU-3", 3)], ["urgent"]),
        Order("a05", TenantA, "u1", 5, "Gamma, with comma", TestOrderStatus.Shipped, 499.99m, 1, "2024-02-29T12:00:00Z", "2024-04-01", true, "Dana|Pipe", "dana@z.test", [("SKU-1", 1), ("SKU-3", 10)], ["backorder"]),
        Order("a06", TenantA, "u2", 6, "Delta (draft)", TestOrderStatus.Pending, 75.25m, null, "2024-03-01T00:00:00Z", "2024-04-15", false, "Emile", null, [("SKU-4", 1)], ["vip", "backorder"]),
        Order("a07", TenantA, "u1", 7, "epsilon", TestOrderStatus.Active, 100.00m, 5, "2024-03-15T18:45:00Z", "2024-05-01", true, "Ann Smith", "ann2@x.test", [("SKU-2", 2)], []),
        Order("a08", TenantA, "u2", 8, "Zeta back\\slash", TestOrderStatus.Cancelled, 12.00m, 2, "2024-04-01T09:00:00Z", "2024-05-20", false, "Frank", "frank@x.test", [("SKU-5", 4), ("SKU-1", 7)], ["urgent"]),
        Order("a09", TenantA, "u1", 9, "null", TestOrderStatus.Active, 300.00m, 4, "2024-04-30T23:59:59Z", "2024-06-01", true, "Grace", "grace@y.test", [("SKU-6", 1)], ["vip"]),
        Order("a10", TenantA, "u2", 10, "Theta/i", TestOrderStatus.Shipped, 89.90m, null, "2024-05-01T00:00:01Z", "2024-06-15", false, "Henry", null, [("SKU-1", 3)], []),
        Order("b01", TenantB, "u1", 1, "Alpha order", TestOrderStatus.Active, 100.00m, 1, "2024-01-05T10:00:00Z", "2024-02-01", true, "Ann Smith", "ann@x.test", [("SKU-1", 2)], ["urgent", "vip"]),
        Order("b02", TenantB, "u1", 2, "beta order", TestOrderStatus.Pending, 250.50m, null, "2024-03-01T00:00:00Z", "2024-02-15", false, "Bob Jones", null, [("SKU-2", 5)], ["vip"]),
        Order("b03", TenantB, "u2", 11, null, TestOrderStatus.Active, 5000m, 1, "2024-04-30T12:00:00Z", "2024-06-01", true, "Zed", "zed@x.test", [("SKU-9", 1)], []),
        Order("b04", TenantB, "u2", 12, "Secret", TestOrderStatus.Shipped, 1.00m, 9, "2024-05-01T00:00:00Z", "2024-06-15", false, "Ann Smith", "ann@x.test", [("SKU-1", 9)], ["urgent"]),
    ];

    private static TestOrder Order(
        string id, string tenant, string owner, int number, string? title, TestOrderStatus status, decimal total,
        int? priority, string createdAt, string dueOn, bool paid, string customer, string? email,
        (string Sku, int Quantity)[] lines, string[] tags) => new()
        {
            Id = id,
            TenantId = tenant,
            OwnerId = owner,
            Number = number,
            Title = title,
            Status = status,
            Total = total,
            Priority = priority,
            CreatedAt = DateTime.Parse(createdAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            DueOn = DateOnly.Parse(dueOn, CultureInfo.InvariantCulture),
            Paid = paid,
            ExternalRef = Guid.Parse($"aaaaaaaa-0000-0000-0000-0000000000{id[1..]}"),
            Customer = new TestCustomer { Name = customer, Email = email },
            Lines = [.. lines.Select(l => new TestOrderLine { Sku = l.Sku, Quantity = l.Quantity })],
            Tags = [.. tags],
        };
}
