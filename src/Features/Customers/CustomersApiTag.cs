using Reference.Features.Shared.Http;

[assembly: ApiTag("Customers", "The Customers sample slice (state-stored): register and rename customers, read one, and " +
    "list the customer summaries. Permissions `customers.read`, `customers.write`.")]
