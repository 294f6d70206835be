using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.SampleItems;

public sealed record CreateSampleItemRequest(string Name);

/// <summary><c>POST /api/sample-items</c> → 201 with the new id.</summary>
public sealed class CreateSampleItemEndpoint(ISender sender) : Endpoint<CreateSampleItemRequest, Guid>
{
    public override void Configure()
    {
        Post("/api/sample-items");
        Description(d => d.WithTags("SampleItems").Produces<Guid>(StatusCodes.Status201Created).ProducesProblems(400, 403));
        Summary(s =>
        {
            s.Summary = "Creates a sample item.";
            s.Description = "Creates a sample item with the given name in the caller's tenant and answers 201 with its id.";
        });
    }

    public override async Task HandleAsync(CreateSampleItemRequest req, CancellationToken ct)
    {
        var result = await sender.Send(new CreateSampleItem(req.Name), ct);
        if (!result.IsSuccess)
        {
            // The one status/type table (ApiProblems) maps the error: validation 400, permission 403, ...
            await this.SendProblemAsync(result.Error!);
            return;
        }

        await Send.ResultAsync(TypedResults.Created($"/api/sample-items/{result.Value}", result.Value));
    }
}
