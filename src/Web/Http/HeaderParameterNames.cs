using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Reference.Web.Http;

/// <summary>
/// Shows request headers in the OpenAPI document as clients write them (<c>X-Min-Version</c>): the document
/// generator camel-cases parameter names, which suits query parameters but not headers.
/// </summary>
public sealed class HeaderParameterNames : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var parameter in context.OperationDescription.Operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Header))
        {
            parameter.Name = Canonical(parameter.Name);
        }

        return true;
    }

    private static string Canonical(string name) =>
        string.Join('-', name.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
