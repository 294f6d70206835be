using Microsoft.AspNetCore.Http.Metadata;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Reference.Web.OpenApi;

/// <summary>
/// Carries a minimal-API endpoint's <c>WithSummary</c>/<c>WithDescription</c> into its operation: the generator
/// reads FastEndpoints' <c>Summary(...)</c> but not these ASP.NET Core metadata.
/// </summary>
internal sealed class EndpointTexts : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var metadata = (context as AspNetCoreOperationProcessorContext)?.ApiDescription.ActionDescriptor.EndpointMetadata ?? [];
        if (string.IsNullOrEmpty(operation.Summary) && metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault() is { } summary)
        {
            operation.Summary = summary.Summary;
        }

        if (string.IsNullOrEmpty(operation.Description) && metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault() is { } description)
        {
            operation.Description = description.Description;
        }

        return true;
    }
}
