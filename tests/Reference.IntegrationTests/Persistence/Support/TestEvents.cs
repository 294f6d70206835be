using System.Text.Json.Nodes;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.IntegrationTests.Persistence.Support;

[EventType("test.item-added")]
public sealed record ItemAdded(string Sku, int Quantity) : DomainEvent;

[EventType("test.item-renamed", schemaVersion: 2)]
public sealed record ItemRenamed(string Sku, string NewName) : DomainEvent;

[EventType("test.big")]
public sealed record BigEvent(string Blob) : DomainEvent;

/// <summary>Schema 1 of test.item-renamed called the field "name"; schema 2 calls it "newName".</summary>
public sealed class ItemRenamedV1Upcaster : IEventUpcaster
{
    public string EventType => "test.item-renamed";

    public int FromSchemaVersion => 1;

    public JsonObject Upcast(JsonObject data)
    {
        var name = data["name"] ?? throw new InvalidOperationException("Schema 1 of test.item-renamed must have a name.");
        data.Remove("name");
        data["newName"] = name.DeepClone();
        return data;
    }
}
