using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Customers.ChangeCustomerEmail;

public sealed record ChangeCustomerEmailRequest(Guid Id, string Email);

/// <summary><c>PUT /api/customers/{id}/email</c> (optional <c>If-Match</c>) → 200 with the new <c>ETag</c>.</summary>
public sealed class ChangeCustomerEmailEndpoint(ISender sender) : Endpoint<ChangeCustomerEmailRequest, CustomerVersion>
{
    public override void Configure()
    {
        Put("/api/customers/{id}/email");
        Description(d => d.WithTags("Customers").ProducesProblems(400, 403, 404, 409, 412, 413, 415));
        Summary(s =>
        {
            s.Summary = "Changes a customer's e-mail address.";
            s.Description =
                "Changes a customer's e-mail address (stored trimmed and lower-case) and answers its new version (body " +
                "and `ETag`). With `If-Match` the change is refused with 412 when someone changed the customer since you " +
                "read it; without, a concurrent rename is merged and a concurrent e-mail change is 409. Needs " +
                "`customers.write`.";
        });
    }

    public override async Task HandleAsync(ChangeCustomerEmailRequest req, CancellationToken ct)
    {
        if (!EntityTags.TryReadIfMatch(HttpContext.Request, out var expectedVersion))
        {
            await this.SendInvalidIfMatchAsync();
            return;
        }

        var result = await sender.Send(new ChangeCustomerEmail(req.Id, req.Email, expectedVersion), ct);
        await this.SendVersionedAsync(result, v => v.Version);
    }
}
