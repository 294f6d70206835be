using System.Text.Json.Nodes;
using Reference.SharedKernel.Events;

namespace Reference.Features.Customers.Events.Upcasters;

/// <summary>
/// Schema 2 of <c>customers.customer_registered</c> stored the address as typed, under <c>emailAddress</c>; schema 3
/// stores it under <c>email</c>, trimmed and lower-case, as the aggregate keeps it (so projections compare like with like).
/// </summary>
public sealed class CustomerRegisteredV2ToV3 : IEventUpcaster
{
    public string EventType => "customers.customer_registered";

    public int FromSchemaVersion => 2;

    public JsonObject Upcast(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var address = data["emailAddress"]?.GetValue<string>()
            ?? throw new InvalidOperationException("Schema 2 of customers.customer_registered must have an emailAddress.");
        data.Remove("emailAddress");
        data["email"] = address.Trim().ToLowerInvariant();
        return data;
    }
}
