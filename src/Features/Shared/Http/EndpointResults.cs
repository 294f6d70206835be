using System.Globalization;
using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Idempotency;
using Reference.SharedKernel.Projections;

namespace Reference.Features.Shared.Http;

/// <summary>How endpoints turn use-case results into HTTP: success as the endpoint decides, failures as problem details.</summary>
public static class EndpointResults
{
    public static Task SendProblemAsync(this IEndpoint endpoint, Error error)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(error);
        if (error.Kind == ErrorKind.NotYetConsistent)
        {
            // The projection is expected to catch up within moments: tell the client when to ask again.
            var retryAfter = endpoint.HttpContext.RequestServices.GetRequiredService<ReadModelWaitOptions>().RetryAfter;
            endpoint.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        else if (error.Code == IdempotencyErrors.KeyInFlightCode)
        {
            // The first request with the key has been running for the whole in-flight wait already; it rarely needs much longer.
            endpoint.HttpContext.Response.Headers.RetryAfter = "1";
        }

        return ApiProblems.WriteAsync(endpoint.HttpContext, ApiProblems.FromError(endpoint.HttpContext, error));
    }

    /// <summary>200 with the value and its version as <c>ETag</c>, or the failure as problem details.</summary>
    public static Task SendVersionedAsync<T>(this IEndpoint endpoint, Result<T> result, Func<T, long> version)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSuccess)
        {
            return endpoint.SendProblemAsync(result.Error!);
        }

        EntityTags.Set(endpoint.HttpContext.Response, version(result.Value));
        return TypedResults.Ok(result.Value).ExecuteAsync(endpoint.HttpContext);
    }

    /// <summary>The 400 for an <c>If-Match</c> header that is not one of the API's entity tags.</summary>
    public static Task SendInvalidIfMatchAsync(this IEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.SendProblemAsync(Error.Validation(new Dictionary<string, string[]>
        {
            ["If-Match"] = ["If-Match must be one entity tag previously returned in ETag, such as \"3\"."],
        }));
    }

    /// <summary>Documents the problem responses an endpoint can return, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in statusCodes.Append(StatusCodes.Status401Unauthorized).Distinct())
        {
            builder.ProducesProblem(status, ApiProblems.ContentType);
        }

        return builder;
    }
}
