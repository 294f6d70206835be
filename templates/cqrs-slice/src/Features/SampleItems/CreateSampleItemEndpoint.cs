using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Reference.Features.SampleItems;

public sealed record CreateSampleItemRequest(string Name);

/// <summary><c>POST /api/sample-items</c> → 201 with the new id.</summary>
public sealed class CreateSampleItemEndpoint(ISender sender) : Endpoint<CreateSampleItemRequest, Guid>
{
    public override void Configure()
    {
        Post("/api/sample-items");
        Description(d => d.WithTags("SampleItems").Produces<Guid>(StatusCodes.Status201Created));
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
            await Send.ResultAsync(TypedResults.Problem(title: result.Error!.Code, detail: result.Error.Message, statusCode: StatusCodes.Status400BadRequest));
            return;
        }

        await Send.ResultAsync(TypedResults.Created($"/api/sample-items/{result.Value}", result.Value));
    }
}
