using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Reference.Features.Shared.Http;
using Reference.Web.Composition;

namespace Reference.Web.Http;

/// <summary>
/// Refuses request bodies the API will not read before any work is done: larger than
/// <see cref="ApiOptions.MaxRequestBodyBytes"/> (413) or not JSON (415). The size limit is also
/// handed to the server, so a chunked body that grows past it fails while being read.
/// </summary>
public sealed class RequestShapeMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var request = context.Request;
        if (request.ContentLength > limit)
        {
            await ApiProblems.WriteAsync(context, StatusCodeProblems.Create(context, StatusCodes.Status413PayloadTooLarge));
            return;
        }

        if (HasBody(request) && !request.HasJsonContentType())
        {
            await ApiProblems.WriteAsync(context, StatusCodeProblems.Create(context, StatusCodes.Status415UnsupportedMediaType));
            return;
        }

        await next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
