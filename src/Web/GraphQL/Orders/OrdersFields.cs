using GraphQL;
using GraphQL.Types;
using Reference.Features.Orders.AddOrderLine;
using Reference.Features.Orders.CancelOrder;
using Reference.Features.Orders.ConfirmOrder;
using Reference.Features.Orders.GetOrder;
using Reference.Features.Orders.ListOrders;
using Reference.Features.Orders.PlaceOrder;

namespace Reference.Web.GraphQL.Orders;

/// <summary>
/// <c>order(id)</c>, <c>orders(filter, sort, first, after)</c> and the order mutations, each one use case of the
/// Orders slice sent through the mediator. <c>expectedVersion</c> is the GraphQL spelling of REST's If-Match.
/// </summary>
public sealed class OrdersFields : IGraphQLFields
{
    public void AddQueries(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<OrderGraphType>("order")
            .Description("One order of the caller's tenant, reflecting every acknowledged write; another tenant's is not-found.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Send.QueryAsync(c, new GetOrder(Send.GuidArgument(c, "id"))));

        query.Field<NonNullGraphType<OrderConnectionGraphType>>("orders")
            .Description("The tenant's orders: `filter` and `sort` as in GET /api/orders (docs/filtering.md), `first` up to 100, `after` an endCursor.")
            .Argument<StringGraphType>("filter")
            .Argument<StringGraphType>("sort")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => Connection<OrderListItem>.Of(await Send.QueryAsync(c, new ListOrders(ListArguments.Of(c)))));
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<OrderVersionGraphType>>("placeOrder")
            .Description("Places a draft order (orders.write).")
            .Argument<NonNullGraphType<IdGraphType>>("customerId")
            .Argument<NonNullGraphType<StringGraphType>>("currency")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineInputGraphType>>>>("lines")
            .ResolveAsync(async c => await Send.CommandAsync(c, new PlaceOrder(
                Guid.CreateVersion7(), Send.GuidArgument(c, "customerId"), c.GetArgument<string>("currency"), c.GetArgument<List<PlaceOrderLine>>("lines"))));

        mutation.Field<NonNullGraphType<OrderVersionGraphType>>("addOrderLine")
            .Description("Adds a line to a draft order (orders.write).")
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .Argument<NonNullGraphType<StringGraphType>>("sku")
            .Argument<NonNullGraphType<IntGraphType>>("quantity")
            .Argument<NonNullGraphType<DecimalGraphType>>("unitPrice")
            .Argument<NonNullGraphType<StringGraphType>>("currency")
            .Argument<LongGraphType>("expectedVersion")
            .ResolveAsync(async c => await Send.CommandAsync(
                c,
                new AddOrderLine(Send.GuidArgument(c, "orderId"), c.GetArgument<string>("sku"), c.GetArgument<int>("quantity"), c.GetArgument<decimal>("unitPrice"), c.GetArgument<string>("currency"), ExpectedVersion(c)),
                ExpectedVersion(c) is not null));

        mutation.Field<NonNullGraphType<OrderVersionGraphType>>("confirmOrder")
            .Description("Confirms a draft order (orders.write).")
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .Argument<LongGraphType>("expectedVersion")
            .ResolveAsync(async c => await Send.CommandAsync(c, new ConfirmOrder(Send.GuidArgument(c, "orderId"), ExpectedVersion(c)), ExpectedVersion(c) is not null));

        mutation.Field<NonNullGraphType<OrderVersionGraphType>>("cancelOrder")
            .Description("Cancels an order with a reason (orders.cancel).")
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Argument<LongGraphType>("expectedVersion")
            .ResolveAsync(async c => await Send.CommandAsync(c, new CancelOrder(Send.GuidArgument(c, "orderId"), c.GetArgument<string>("reason"), ExpectedVersion(c)), ExpectedVersion(c) is not null));
    }

    private static long? ExpectedVersion(IResolveFieldContext context) => context.GetArgument<long?>("expectedVersion");
}
