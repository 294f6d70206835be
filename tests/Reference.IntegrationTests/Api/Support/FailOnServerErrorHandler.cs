using System.Net;
using Reference.Features.Shared.Http;

namespace Reference.IntegrationTests.Api.Support;

/// <summary>
/// A 500 is a bug, never an expected answer: any test whose request gets one (or any other 5xx but the
/// documented 503 <c>not-yet-consistent</c>) fails here, with the response body (the problem's trace id) in the message.
/// </summary>
public sealed class FailOnServerErrorHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && body.Contains(ProblemTypes.NotYetConsistent, StringComparison.Ordinal))
            {
                // The documented answer of a read whose consistency wait ran out (docs/api.md), not a failure.
                return response;
            }

            throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
        }

        return response;
    }
}
