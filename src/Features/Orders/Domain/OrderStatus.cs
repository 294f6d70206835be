namespace Reference.Features.Orders.Domain;

public enum OrderStatus
{
    Draft,

    /// <summary>Confirmed; fulfilment (reserve stock, take payment) is under way.</summary>
    Confirmed,

    /// <summary>Stock reserved and payment captured.</summary>
    Paid,
    Cancelled,
}
