using Reference.Features.Customers.Events;
using Reference.Features.Customers.Events.Upcasters;
using Reference.SharedKernel.Events;

namespace Reference.UnitTests.Features.Customers;

public sealed class CustomerUpcasterTests
{
    private readonly JsonEventSerializer _serializer = new(
        new EventTypeRegistry().Register<CustomerRegistered>(),
        [new CustomerRegisteredV1ToV2(), new CustomerRegisteredV2ToV3()]);

    [Fact]
    public void Schema_1_and_2_registrations_read_as_schema_3_through_the_chain()
    {
        var id = Guid.NewGuid();

        var fromV1 = Assert.IsType<CustomerRegistered>(_serializer.Deserialize(
            "customers.customer_registered", 1, $$"""{"customerId":"{{id}}","fullName":"Ada","emailAddress":" ADA@Example.TEST "}"""));
        var fromV2 = Assert.IsType<CustomerRegistered>(_serializer.Deserialize(
            "customers.customer_registered", 2, $$"""{"customerId":"{{id}}","name":"Ada","emailAddress":"Ada@Example.test"}"""));

        Assert.Equal((id, "Ada", "ada@example.test"), (fromV1.CustomerId, fromV1.Name, fromV1.Email));
        Assert.Equal((id, "Ada", "ada@example.test"), (fromV2.CustomerId, fromV2.Name, fromV2.Email));
        Assert.Equal(3, _serializer.Serialize(fromV1).SchemaVersion);
    }

    [Fact]
    public void A_schema_1_row_without_its_name_is_unreadable_not_silently_empty() =>
        Assert.Throws<EventUpcastException>(() => _serializer.Deserialize(
            "customers.customer_registered", 1, """{"customerId":"01234567-89ab-7def-8123-456789abcdef","emailAddress":"a@b.c"}"""));
}
