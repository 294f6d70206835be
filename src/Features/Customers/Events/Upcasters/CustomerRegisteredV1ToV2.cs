using System.Text.Json.Nodes;
using Reference.SharedKernel.Events;

namespace Reference.Features.Customers.Events.Upcasters;

/// <summary>Schema 1 of <c>customers.customer_registered</c> called the name <c>fullName</c>; schema 2 calls it <c>name</c>.</summary>
public sealed class CustomerRegisteredV1ToV2 : IEventUpcaster
{
    public string EventType => "customers.customer_registered";

    public int FromSchemaVersion => 1;

    public JsonObject Upcast(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var fullName = data["fullName"] ?? throw new InvalidOperationException("Schema 1 of customers.customer_registered must have a fullName.");
        data.Remove("fullName");
        data["name"] = fullName.DeepClone();
        return data;
    }
}
