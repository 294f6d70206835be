using GraphQL.Types;
using Reference.Features.Customers;
using Reference.Features.Customers.GetCustomer;
using Reference.Features.Customers.ListCustomers;

namespace Reference.Web.GraphQL.Customers;

public sealed class CustomerGraphType : ObjectGraphType<CustomerDetails>
{
    public CustomerGraphType()
    {
        Name = "Customer";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.Name);
        Field(c => c.Email);
        Field(c => c.Version).Description("The customer's version, its ETag over REST.");
    }
}

public sealed class CustomerSummaryGraphType : ObjectGraphType<CustomerListItem>
{
    public CustomerSummaryGraphType()
    {
        Name = "CustomerSummary";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.Name);
        Field(c => c.Email);
        Field(c => c.RegisteredAt);
        Field(c => c.UpdatedAt);
    }
}

public sealed class CustomerConnectionGraphType() : ConnectionGraphType<CustomerSummaryGraphType, CustomerListItem>("Customer");

public sealed class CustomerVersionGraphType : ObjectGraphType<CustomerVersion>
{
    public CustomerVersionGraphType()
    {
        Name = "CustomerVersion";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.Version);
        Field<CustomerGraphType>("customer")
            .Description("The customer as it now reads.")
            .ResolveAsync(async c => await Send.QueryAsync(c, new GetCustomer(c.Source.Id)));
    }
}
