using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Customers.RegisterCustomer;

public sealed record RegisterCustomerRequest(string Name, string Email);

/// <summary><c>POST /api/customers</c> (optional <c>Idempotency-Key</c>) → 201 with <c>Location</c>, <c>ETag</c> and <c>{ id, version }</c>.</summary>
public sealed class RegisterCustomerEndpoint(ISender sender) : Endpoint<RegisterCustomerRequest, CustomerVersion>
{
    public override void Configure()
    {
        Post("/api/customers");
        Options(b => b.AcceptsIdempotencyKey());
        Description(d => d
            .WithTags("Customers")
            .Produces<CustomerVersion>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 409, 413, 415, 422));
        Summary(s =>
        {
            s.Summary = "Registers a customer.";
            s.Description =
                "Registers a customer (state-stored) with a name and an e-mail address: 201 with its id and version, " +
                "`Location` and `ETag`. Lists see it once projected. Needs `customers.write`." +
                " " + IdempotencyKeyDocs.Description;
        });
    }

    public override async Task HandleAsync(RegisterCustomerRequest req, CancellationToken ct)
    {
        var result = await sender.Send(new RegisterCustomer(Guid.CreateVersion7(), req.Name, req.Email), ct);
        if (!result.IsSuccess)
        {
            await this.SendProblemAsync(result.Error!);
            return;
        }

        EntityTags.Set(HttpContext.Response, result.Value.Version);
        await Send.ResultAsync(TypedResults.Created($"/api/customers/{result.Value.Id}", result.Value));
    }
}
