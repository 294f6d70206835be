using GraphQL.Types;
using Reference.Features.Tenants;
using Reference.Features.Tenants.GetTenant;
using Reference.SharedKernel.Tenancy;

namespace Reference.Web.GraphQL.Tenants;

/// <summary><c>currentTenant</c>: the tenant the request runs in (platform.tenants.read, like GET /api/tenants/{id}).</summary>
public sealed class TenantsFields : IGraphQLFields
{
    public void AddQueries(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<TenantGraphType>>("currentTenant")
            .Description("The tenant this request runs in.")
            .ResolveAsync(async c => await Send.QueryAsync(c, new GetTenant(c.RequestServices!.GetRequiredService<ITenantContext>().RequireTenantId())));
    }

    public void AddMutations(ObjectGraphType mutation)
    {
    }
}

public sealed class TenantGraphType : ObjectGraphType<TenantDetails>
{
    public TenantGraphType()
    {
        Name = "Tenant";
        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(t => t.Name);
        Field(t => t.IsActive);
    }
}
