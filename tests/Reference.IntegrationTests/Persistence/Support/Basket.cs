using System.Text.Json;
using System.Text.Json.Nodes;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.IntegrationTests.Persistence.Support;

/// <summary>A small event-sourced aggregate for the snapshot tests: the items added to a basket.</summary>
public sealed class Basket(Guid id) : EventSourcedAggregate<Guid>(id)
{
    private readonly List<string> _skus = [];

    public IReadOnlyList<string> Skus => _skus;

    public void Add(string sku) => Emit(new ItemAdded(sku, 1));

    protected override void Apply(DomainEvent domainEvent)
    {
        if (domainEvent is not ItemAdded added)
        {
            throw new InvalidOperationException($"A basket cannot apply {domainEvent.GetType().Name}.");
        }

        _skus.Add(added.Sku);
    }

    internal static Basket FromSkus(Guid id, IEnumerable<string> skus)
    {
        var basket = new Basket(id);
        basket._skus.AddRange(skus);
        return basket;
    }
}

/// <summary>
/// Basket snapshots in two shapes: schema 1 stored the SKUs as one comma-separated string, schema 2 as an array. A
/// snapshotter of one schema cannot read the other's data, so a restore of the wrong one would fail the test loudly.
/// </summary>
public sealed class BasketSnapshotter(int schemaVersion = 2) : IAggregateSnapshotter<Basket>
{
    public string SnapshotType => "basket";

    public int SchemaVersion => schemaVersion;

    public int Restores { get; private set; }

    public string Take(Basket aggregate) => schemaVersion == 1
        ? new JsonObject { ["id"] = aggregate.Id, ["skus"] = string.Join(',', aggregate.Skus) }.ToJsonString()
        : new JsonObject { ["id"] = aggregate.Id, ["skus"] = new JsonArray([.. aggregate.Skus.Select(s => JsonValue.Create(s))]) }.ToJsonString();

    public Basket Restore(string data)
    {
        Restores++;
        var node = JsonNode.Parse(data) ?? throw new JsonException("Empty basket snapshot.");
        var id = node["id"]!.GetValue<Guid>();
        var skus = schemaVersion == 1
            ? node["skus"]!.GetValue<string>().Split(',', StringSplitOptions.RemoveEmptyEntries)
            : node["skus"]!.AsArray().Select(s => s!.GetValue<string>());
        return Basket.FromSkus(id, skus);
    }
}
