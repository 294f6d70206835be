using Reference.Features.Shared.Http;

[assembly: ApiTag("Inventory", "The Inventory sample slice (event-sourced): set a SKU's stock on hand and read what is reserved " +
    "and available. Order fulfilment reserves and releases stock through it. Permissions `inventory.read`, `inventory.manage`.")]
