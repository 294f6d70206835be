using GraphQL;
using GraphQL.Types;
using Reference.Features.Customers.GetCustomer;
using Reference.Features.Customers.ListCustomers;
using Reference.Features.Customers.RegisterCustomer;

namespace Reference.Web.GraphQL.Customers;

/// <summary><c>customer(id)</c>, <c>customers(filter, sort, first, after)</c> and <c>registerCustomer</c>.</summary>
public sealed class CustomersFields : IGraphQLFields
{
    public void AddQueries(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<CustomerGraphType>("customer")
            .Description("One customer of the caller's tenant; another tenant's is not-found.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Send.QueryAsync(c, new GetCustomer(Send.GuidArgument(c, "id"))));

        query.Field<NonNullGraphType<CustomerConnectionGraphType>>("customers")
            .Description("The tenant's customers: `filter` and `sort` as in GET /api/customers (docs/filtering.md), `first` up to 100, `after` an endCursor.")
            .Argument<StringGraphType>("filter")
            .Argument<StringGraphType>("sort")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => Connection<CustomerListItem>.Of(await Send.QueryAsync(c, new ListCustomers(ListArguments.Of(c)))));
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<CustomerVersionGraphType>>("registerCustomer")
            .Description("Registers a customer in the caller's tenant (customers.write).")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<NonNullGraphType<StringGraphType>>("email")
            .ResolveAsync(async c => await Send.CommandAsync(c, new RegisterCustomer(Guid.CreateVersion7(), c.GetArgument<string>("name"), c.GetArgument<string>("email"))));
    }
}
