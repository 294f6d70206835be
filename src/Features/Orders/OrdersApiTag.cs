using Reference.Features.Shared.Http;

[assembly: ApiTag("Orders", "The Orders sample slice (event-sourced): place an order, change its lines, confirm or cancel it, " +
    "and read or list the order summaries it is projected into. Permissions `orders.read`, `orders.read.all`, " +
    "`orders.write`, `orders.cancel`.")]
