using GraphQL;
using GraphQL.DataLoader;
using Reference.Features.Customers.GetCustomer;
using Reference.SharedKernel.Application;

namespace Reference.Web.GraphQL.Customers;

/// <summary>
/// Customers by id for fields such as <c>Order.customer</c>: every id a page of orders asks for is collected and
/// loaded once per request (a list of 50 orders of 3 customers reads 3 customers, not 50), each through
/// <see cref="GetCustomer"/> and so its cache. A customer the caller cannot read, or that does not exist, is null.
/// </summary>
public static class CustomerLoader
{
    public static IDataLoaderResult<CustomerDetails?> Load(IResolveFieldContext context, Guid customerId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var loaders = context.RequestServices!.GetRequiredService<BatchLoaders>();
        var sender = Send.SenderOf(context);
        return loaders.Get<Guid, CustomerDetails>("customers.byId", async (ids, ct) =>
        {
            var found = new Dictionary<Guid, CustomerDetails>();
            foreach (var id in ids)
            {
                var result = await sender.Send(new GetCustomer(id), ct);
                if (result.IsSuccess)
                {
                    found[id] = result.Value;
                }
                else if (result.Error!.Kind is not (ErrorKind.NotFound or ErrorKind.Forbidden))
                {
                    throw GraphQLProblems.From(result.Error);
                }
            }

            return found;
        }).Load(customerId);
    }
}
