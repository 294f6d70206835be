using System.Text.Json.Nodes;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.UnitTests.Events;

public sealed class EventTypeRegistryAndSerializerTests
{
    [Fact]
    public void Types_register_under_their_attribute_name_and_schema_version()
    {
        var registry = new EventTypeRegistry().Register<TallyIncremented>();

        var info = registry.Get(typeof(TallyIncremented));

        Assert.Equal(new EventTypeInfo("tests.tally-incremented", typeof(TallyIncremented), 1), info);
        Assert.Same(info, registry.Get("tests.tally-incremented"));
        Assert.True(registry.TryGet("tests.tally-incremented", out _));
        Assert.False(registry.TryGet("tests.unknown", out _));
    }

    [Fact]
    public void A_type_without_attribute_uses_its_class_name_and_version_one()
    {
        var info = new EventTypeRegistry().Register<Unattributed>().Get(typeof(Unattributed));

        Assert.Equal((nameof(Unattributed), 1), (info.Name, info.SchemaVersion));
    }

    [Fact]
    public void One_name_for_two_types_is_rejected_but_registering_the_same_type_twice_is_harmless()
    {
        var registry = new EventTypeRegistry().Register<TallyIncremented>().Register<TallyIncremented>();

        var error = Assert.Throws<InvalidOperationException>(() => registry.Register<Unattributed>("tests.tally-incremented"));

        Assert.Contains("tests.tally-incremented", error.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(TallyIncremented), registry.Get("tests.tally-incremented").ClrType);
    }

    [Fact]
    public void Only_domain_events_can_be_registered()
    {
        Assert.Throws<ArgumentException>(() => new EventTypeRegistry().Register(typeof(string)));
    }

    [Fact]
    public void Scanning_an_assembly_registers_its_concrete_events()
    {
        var registry = new EventTypeRegistry().RegisterFromAssembly(typeof(TallyIncremented).Assembly);

        Assert.Equal(typeof(TallyIncremented), registry.Get("tests.tally-incremented").ClrType);
    }

    [Fact]
    public void Unknown_names_and_types_raise_unknown_event_type()
    {
        var registry = new EventTypeRegistry();

        Assert.Equal("tests.nope", Assert.Throws<UnknownEventTypeException>(() => registry.Get("tests.nope")).EventType);
        Assert.Throws<UnknownEventTypeException>(() => registry.Get(typeof(TallyIncremented)));
    }

    [Fact]
    public void Events_round_trip_through_json_under_their_logical_name()
    {
        var serializer = new JsonEventSerializer(new EventTypeRegistry().Register<TallyIncremented>());
        var original = new TallyIncremented(7);

        var serialized = serializer.Serialize(original);
        var restored = serializer.Deserialize(serialized.EventType, serialized.SchemaVersion, serialized.Json);

        Assert.Equal(("tests.tally-incremented", 1), (serialized.EventType, serialized.SchemaVersion));
        Assert.Contains("\"amount\":7", serialized.Json, StringComparison.Ordinal);
        Assert.Equal(original, restored);
    }

    [Fact]
    public void Upcasters_run_in_order_from_the_stored_version_to_the_current_one()
    {
        var registry = new EventTypeRegistry().Register<Renamed>("tests.renamed", 3);
        var serializer = new JsonEventSerializer(registry, [new Step(2, "b"), new Step(1, "a")]);

        var fromOne = (Renamed)serializer.Deserialize("tests.renamed", 1, "{\"trail\":\"\"}");
        var fromTwo = (Renamed)serializer.Deserialize("tests.renamed", 2, "{\"trail\":\"\"}");
        var current = (Renamed)serializer.Deserialize("tests.renamed", 3, "{\"trail\":\"as-is\"}");

        Assert.Equal(("ab", "b", "as-is"), (fromOne.Trail, fromTwo.Trail, current.Trail));
    }

    [Fact]
    public void A_missing_upcaster_or_two_for_the_same_step_are_errors()
    {
        var registry = new EventTypeRegistry().Register<Renamed>("tests.renamed", 3);

        var missing = Assert.Throws<EventUpcastException>(() => new JsonEventSerializer(registry, [new Step(1, "a")]).Deserialize("tests.renamed", 1, "{}"));
        Assert.Equal(2, missing.FromSchemaVersion);
        Assert.Throws<InvalidOperationException>(() => new JsonEventSerializer(registry, [new Step(1, "a"), new Step(1, "b")]));
    }

    [Fact]
    public void An_event_stored_at_a_newer_schema_version_is_unreadable_rather_than_misread()
    {
        var serializer = new JsonEventSerializer(new EventTypeRegistry().Register<Renamed>("tests.renamed", 2));

        var error = Assert.Throws<UnreadableEventException>(() => serializer.Deserialize("tests.renamed", 3, "{\"trail\":\"x\"}"));

        Assert.Equal(("tests.renamed", 3), (error.EventType, error.SchemaVersion));
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"amount\":\"seven\"}")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("{\"amount\":99999999999}")]
    [InlineData("not json")]
    public void A_damaged_payload_is_unreadable_and_names_its_type(string json)
    {
        var serializer = new JsonEventSerializer(new EventTypeRegistry().Register<TallyIncremented>());

        var error = Assert.Throws<UnreadableEventException>(() => serializer.Deserialize("tests.tally-incremented", 1, json));

        Assert.Equal(("tests.tally-incremented", 1), (error.EventType, error.SchemaVersion));
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void A_damaged_payload_of_an_old_version_is_unreadable_before_any_upcaster_runs()
    {
        var serializer = new JsonEventSerializer(new EventTypeRegistry().Register<Renamed>("tests.renamed", 2), [new Step(1, "a")]);

        var error = Assert.Throws<UnreadableEventException>(() => serializer.Deserialize("tests.renamed", 1, "[\"not an object\"]"));

        Assert.Equal(1, error.SchemaVersion);
    }

    [Fact]
    public void A_type_that_cannot_be_serialized_is_an_invalid_append()
    {
        var serializer = new JsonEventSerializer(new EventTypeRegistry().Register<HoldsAType>());

        var error = Assert.Throws<InvalidAppendException>(() => serializer.Serialize(new HoldsAType(typeof(int))));

        Assert.Equal(InvalidAppendException.Codes.NotSerializable, error.Code);
    }

    private sealed record Unattributed : DomainEvent;

    private sealed record Renamed(string Trail) : DomainEvent;

    private sealed record HoldsAType(Type Kind) : DomainEvent;

    /// <summary>Appends a letter to "trail", so the order the chain ran in is visible.</summary>
    private sealed class Step(int from, string letter) : IEventUpcaster
    {
        public string EventType => "tests.renamed";

        public int FromSchemaVersion => from;

        public JsonObject Upcast(JsonObject data)
        {
            data["trail"] = (string?)data["trail"] + letter;
            return data;
        }
    }
}
