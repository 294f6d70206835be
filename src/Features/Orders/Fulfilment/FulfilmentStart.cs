namespace Reference.Features.Orders.Fulfilment;

/// <summary>What fulfilment starts from: the confirmed order's lines and total.</summary>
public sealed record FulfilmentStart(Guid OrderId, string Currency, decimal Total, IReadOnlyList<FulfilmentLine> Lines);

public sealed record FulfilmentLine(string Sku, int Quantity);
