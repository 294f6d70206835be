using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Customers.RenameCustomer;

public sealed record RenameCustomerRequest(Guid Id, string Name);

/// <summary><c>PUT /api/customers/{id}/name</c> (optional <c>If-Match</c>) → 200 with the new <c>ETag</c>.</summary>
public sealed class RenameCustomerEndpoint(ISender sender) : Endpoint<RenameCustomerRequest, CustomerVersion>
{
    public override void Configure()
    {
        Put("/api/customers/{id}/name");
        Description(d => d.WithTags("Customers").ProducesProblems(400, 403, 404, 409, 412, 413, 415));
        Summary(s =>
        {
            s.Summary = "Renames a customer.";
            s.Description =
                "Renames a customer and answers its new version (body and `ETag`). With `If-Match` the rename is " +
                "refused with 412 when someone changed the customer since you read it; without, a concurrent e-mail " +
                "change is merged and a concurrent rename is 409. Needs `customers.write`.";
        });
    }

    public override async Task HandleAsync(RenameCustomerRequest req, CancellationToken ct)
    {
        if (!EntityTags.TryReadIfMatch(HttpContext.Request, out var expectedVersion))
        {
            await this.SendInvalidIfMatchAsync();
            return;
        }

        var result = await sender.Send(new RenameCustomer(req.Id, req.Name, expectedVersion), ct);
        await this.SendVersionedAsync(result, v => v.Version);
    }
}
