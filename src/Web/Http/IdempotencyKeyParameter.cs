using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using Reference.Features.Shared.Http;
using Reference.SharedKernel.Application.Idempotency;

namespace Reference.Web.Http;

/// <summary>Shows the optional <c>Idempotency-Key</c> header on every operation whose endpoint accepts one.</summary>
public sealed class IdempotencyKeyParameter : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context is AspNetCoreOperationProcessorContext aspNetCore
            && aspNetCore.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AcceptsIdempotencyKeyAttribute>().Any())
        {
            context.OperationDescription.Operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKeyFilter.KeyHeader,
                Kind = OpenApiParameterKind.Header,
                IsRequired = false,
                Description = "Optional: a key of your choosing (e.g. a UUID) that makes a retry of this request answer like the first one, without a second write.",
                Schema = new JsonSchema { Type = JsonObjectType.String, MinLength = 1, MaxLength = IdempotencyKeyRules.MaxLength },
            });
        }

        return true;
    }
}
