namespace Reference.Features.Orders.Domain;

public enum OrderStatus
{
    Draft,
    Confirmed,
    Cancelled,
}
