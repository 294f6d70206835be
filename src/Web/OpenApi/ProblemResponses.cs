using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using Reference.Features.Shared.Http;

namespace Reference.Web.OpenApi;

/// <summary>
/// Documents every problem response an operation can return, per status, as <c>application/problem+json</c>
/// problem details, with the problem types that status carries. Endpoints declare the failures of their use case
/// (<c>ProducesProblems</c>); the ones every endpoint shares are added here: 401 and 403 for authenticated ones,
/// and the tenant-resolution failures (400, 403, 404) for tenant-scoped ones.
/// </summary>
internal sealed class ProblemResponses : IOperationProcessor
{
    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The request is invalid; `type` says why: `validation-failed` (with `errors`), `malformed-request`, " +
            "`tenant-required`, or on lists a `filter/<code>` problem with `field` and `position`.",
        [401] = "No valid bearer token (`unauthenticated`).",
        [403] = "The caller may not do this (`forbidden`), or the tenant contradicts the token or is deactivated " +
            "(`tenant-mismatch`, `tenant-deactivated`).",
        [404] = "The resource does not exist for the caller (`not-found`; another tenant's data is never found), or the " +
            "tenant does not exist (`tenant-not-found`).",
        [409] = "A concurrent change won (`concurrency-conflict`, with `currentVersion`) or the resource exists already " +
            "(`already-exists`).",
        [412] = "`If-Match` names an older version than the current one (`precondition-failed`, with `currentVersion`).",
        [413] = "The body is larger than `Api:MaxRequestBodyBytes` (`payload-too-large`).",
        [415] = "The body is not JSON (`unsupported-media-type`).",
        [422] = "A business rule refused the change (`rule-violated`, with the rule's `code`).",
        [503] = "Not now, retry later: the read model has not reached `X-Min-Version` yet (`not-yet-consistent`, with " +
            "`Retry-After`), or the audit trail is unavailable (`audit-unavailable`).",
    };

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var metadata = (context as AspNetCoreOperationProcessorContext)?.ApiDescription.ActionDescriptor.EndpointMetadata ?? [];
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            Ensure(context, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
            if (!metadata.OfType<TenantNotRequiredAttribute>().Any())
            {
                Ensure(context, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
            }
        }

        foreach (var (code, response) in operation.Responses)
        {
            if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                continue;
            }

            var generic = string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrases.GetReasonPhrase(status)
                || response.Description is "Success" or "Created";
            if (generic)
            {
                response.Description = Descriptions.GetValueOrDefault(status) ?? ReasonPhrases.GetReasonPhrase(status);
            }

            // A failure is always written as problem+json (minimal APIs' ProducesProblem is listed as application/json).
            if (status >= StatusCodes.Status400BadRequest && !response.Content.ContainsKey(ApiProblems.ContentType))
            {
                var schema = response.Content.Values.FirstOrDefault()?.Schema ?? ProblemSchema(context);
                response.Content.Clear();
                response.Content[ApiProblems.ContentType] = new OpenApiMediaType { Schema = schema };
            }
        }

        return true;
    }

    private static JsonSchema ProblemSchema(OperationProcessorContext context) =>
        context.SchemaGenerator.GenerateWithReferenceAndNullability<JsonSchema>(
            typeof(ProblemDetails).ToContextualType(), isNullable: false, context.SchemaResolver);

    private static void Ensure(OperationProcessorContext context, params int[] statuses)
    {
        var responses = context.OperationDescription.Operation.Responses;
        foreach (var status in statuses)
        {
            var code = status.ToString(CultureInfo.InvariantCulture);
            if (responses.ContainsKey(code))
            {
                continue;
            }

            var response = new OpenApiResponse();
            response.Content[ApiProblems.ContentType] = new OpenApiMediaType { Schema = ProblemSchema(context) };
            responses[code] = response;
        }
    }
}
