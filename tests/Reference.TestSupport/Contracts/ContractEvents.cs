using System.Text.Json.Nodes;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.TestSupport.Contracts.Repository;

namespace Reference.TestSupport.Contracts;

/// <summary>Events used by the port contract tests, with the serializers the tests configure stores with.</summary>
public static class ContractEvents
{
    public const string PriceSetName = "contract.price-set";

    /// <summary>The registry stores under test normally run with.</summary>
    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<ItemAdded>()
        .Register<ItemRemoved>()
        .Register<NotSerializable>()
        .Register<AccountOpened>()
        .Register<MoneyDeposited>();

    public static IEventSerializer Serializer() => new JsonEventSerializer(Registry());

    /// <summary>A serializer that knows no event types at all, to read events this process does not know.</summary>
    public static IEventSerializer SerializerKnowingNothing() => new JsonEventSerializer(new EventTypeRegistry());

    /// <summary>A serializer that knows one event type only, as an older deployment would.</summary>
    public static IEventSerializer SerializerKnowingOnly<TEvent>()
        where TEvent : DomainEvent => new JsonEventSerializer(new EventTypeRegistry().Register<TEvent>());

    /// <summary>Writes <see cref="PriceSetV1"/> as schema version 1 of <see cref="PriceSetName"/>.</summary>
    public static IEventSerializer PriceSerializerV1() =>
        new JsonEventSerializer(new EventTypeRegistry().Register<PriceSetV1>(PriceSetName, 1));

    /// <summary>Reads <see cref="PriceSetName"/> as <see cref="PriceSetV3"/> through the given upcasters.</summary>
    public static IEventSerializer PriceSerializerV3(params IEventUpcaster[] upcasters) =>
        new JsonEventSerializer(new EventTypeRegistry().Register<PriceSetV3>(PriceSetName, 3), upcasters);

    public static ItemAdded Added(string name = "widget", int quantity = 1) => new(name, quantity);
}

[EventType("contract.item-added")]
public sealed record ItemAdded(string Name, int Quantity) : DomainEvent;

[EventType("contract.item-removed")]
public sealed record ItemRemoved(string Name) : DomainEvent;

/// <summary>System.Text.Json refuses to serialize <see cref="System.Type"/>, so appending this must fail cleanly.</summary>
[EventType("contract.not-serializable")]
public sealed record NotSerializable(Type Kind) : DomainEvent;

/// <summary>An event type no registry used by the contracts knows.</summary>
public sealed record NeverRegistered(string Note) : DomainEvent;

public sealed record PriceSetV1(decimal Amount) : DomainEvent;

public sealed record PriceSetV3(decimal Amount, string Currency, string Source) : DomainEvent;

/// <summary>Version 1 had no currency: prices were in euros.</summary>
public sealed class PriceSetAddCurrency : IEventUpcaster
{
    public string EventType => ContractEvents.PriceSetName;

    public int FromSchemaVersion => 1;

    public JsonObject Upcast(JsonObject data)
    {
        data["currency"] = "EUR";
        return data;
    }
}

/// <summary>Version 3 records where the price came from; older prices were entered by hand.</summary>
public sealed class PriceSetAddSource : IEventUpcaster
{
    public string EventType => ContractEvents.PriceSetName;

    public int FromSchemaVersion => 2;

    public JsonObject Upcast(JsonObject data)
    {
        data["source"] = "manual";
        return data;
    }
}

/// <summary>An upcaster with a bug, to show the failure surfaces as <see cref="EventUpcastException"/>.</summary>
public sealed class BrokenUpcaster : IEventUpcaster
{
    public string EventType => ContractEvents.PriceSetName;

    public int FromSchemaVersion => 1;

    public JsonObject Upcast(JsonObject data) => throw new FormatException("amount is not a number");
}
