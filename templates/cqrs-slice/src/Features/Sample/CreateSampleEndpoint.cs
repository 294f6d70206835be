using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Reference.Features.Sample;

public sealed record CreateSampleRequest(string Name);

/// <summary><c>POST /api/sample</c> → 201 with the new id.</summary>
public sealed class CreateSampleEndpoint(ISender sender) : Endpoint<CreateSampleRequest, Guid>
{
    public override void Configure()
    {
        Post("/api/sample");
        Description(d => d.WithTags("Sample").Produces<Guid>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(CreateSampleRequest req, CancellationToken ct)
    {
        var result = await sender.Send(new CreateSample(req.Name), ct);
        if (!result.IsSuccess)
        {
            await Send.ResultAsync(TypedResults.Problem(title: result.Error!.Code, detail: result.Error.Message, statusCode: StatusCodes.Status400BadRequest));
            return;
        }

        await Send.ResultAsync(TypedResults.Created($"/api/sample/{result.Value}", result.Value));
    }
}
