using Microsoft.AspNetCore.Authorization;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Reference.Web.OpenApi;

/// <summary>
/// Every operation states its security requirement: the bearer scheme, since the fallback policy makes every
/// endpoint require an authenticated caller, or an explicit empty list for the ones that allow anonymous callers.
/// </summary>
internal sealed class OperationSecurity : IOperationProcessor
{
    /// <summary>The scheme FastEndpoints declares for <c>EnableJWTBearerAuth</c>.</summary>
    public const string BearerScheme = "JWTBearerAuth";

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var metadata = (context as AspNetCoreOperationProcessorContext)?.ApiDescription.ActionDescriptor.EndpointMetadata ?? [];
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
        }
        else if (operation.Security is not { Count: > 0 })
        {
            operation.Security = [new OpenApiSecurityRequirement { [BearerScheme] = [] }];
        }

        return true;
    }
}
