namespace Reference.Features.Orders.Fulfilment;

/// <summary>The fulfilment instance's own state, stored with it as JSON.</summary>
public sealed class FulfilmentState
{
    public Guid OrderId { get; set; }

    public string Currency { get; set; } = "";

    public decimal Total { get; set; }

    public List<FulfilmentLine> Lines { get; set; } = [];

    /// <summary>The line being reserved (lines are reserved one after another, so undoing is exact).</summary>
    public int NextLine { get; set; }
}
