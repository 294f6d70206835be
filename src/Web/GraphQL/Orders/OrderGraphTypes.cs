using GraphQL.Types;
using Reference.Features.Orders;
using Reference.Features.Orders.GetOrder;
using Reference.Features.Orders.ListOrders;
using Reference.Features.Orders.PlaceOrder;
using Reference.Web.GraphQL.Customers;

namespace Reference.Web.GraphQL.Orders;

public sealed class OrderGraphType : ObjectGraphType<OrderDetails>
{
    public OrderGraphType()
    {
        Name = "Order";
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.CustomerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<CustomerGraphType>("customer")
            .Description("The customer, loaded once per request for every order that names it; null if the caller cannot read it.")
            .Resolve(c => CustomerLoader.Load(c, c.Source.CustomerId));
        Field(o => o.Currency);
        Field(o => o.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineGraphType>>>>("lines").Resolve(c => c.Source.Lines);
        Field(o => o.Total);
        Field(o => o.CancellationReason, nullable: true);
        Field(o => o.Version).Description("The order's version: pass it as expectedVersion to write only over what you read.");
    }
}

public sealed class OrderLineGraphType : ObjectGraphType<OrderLineDetails>
{
    public OrderLineGraphType()
    {
        Name = "OrderLine";
        Field(l => l.Sku);
        Field(l => l.Quantity);
        Field(l => l.UnitPrice);
        Field(l => l.Total);
    }
}

public sealed class OrderSummaryGraphType : ObjectGraphType<OrderListItem>
{
    public OrderSummaryGraphType()
    {
        Name = "OrderSummary";
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.CustomerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<CustomerGraphType>("customer")
            .Description("The customer, loaded once per request for every order that names it; null if the caller cannot read it.")
            .Resolve(c => CustomerLoader.Load(c, c.Source.CustomerId));
        Field(o => o.Currency);
        Field(o => o.Status);
        Field(o => o.LineCount);
        Field(o => o.ItemCount);
        Field(o => o.Total);
        Field(o => o.Version);
        Field(o => o.PlacedAt);
        Field(o => o.UpdatedAt);
    }
}

public sealed class OrderConnectionGraphType() : ConnectionGraphType<OrderSummaryGraphType, OrderListItem>("Order");

public sealed class OrderVersionGraphType : ObjectGraphType<OrderVersion>
{
    public OrderVersionGraphType()
    {
        Name = "OrderVersion";
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.Version);
        Field<OrderGraphType>("order")
            .Description("The order as of this write.")
            .ResolveAsync(async c => await Send.QueryAsync(c, new GetOrder(c.Source.Id, c.Source.Version)));
    }
}

public sealed class OrderLineInputGraphType : InputObjectGraphType<PlaceOrderLine>
{
    public OrderLineInputGraphType()
    {
        Name = "OrderLineInput";
        Field(l => l.Sku);
        Field(l => l.Quantity);
        Field(l => l.UnitPrice);
    }
}
