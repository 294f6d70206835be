using FastEndpoints;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Reference.Web.OpenApi;

/// <summary>
/// Operation ids that read as method names in generated clients: a FastEndpoints endpoint is named after its class
/// without the <c>Endpoint</c> suffix (<c>PlaceOrder</c>), a minimal-API endpoint by its <c>WithName</c>.
/// </summary>
internal sealed class OperationIds : IOperationProcessor
{
    private const string Suffix = "Endpoint";

    public bool Process(OperationProcessorContext context)
    {
        var metadata = (context as AspNetCoreOperationProcessorContext)?.ApiDescription.ActionDescriptor.EndpointMetadata ?? [];
        var name = metadata.OfType<EndpointDefinition>().FirstOrDefault()?.EndpointType.Name is { } type
            ? type.EndsWith(Suffix, StringComparison.Ordinal) ? type[..^Suffix.Length] : type
            : metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (name is not null)
        {
            context.OperationDescription.Operation.OperationId = name;
        }

        return true;
    }
}
