using System.Net;

namespace Reference.IntegrationTests.Api.Support;

/// <summary>
/// A 500 is a bug, never an expected answer: any test whose request gets one fails here, with the
/// response body (the problem's trace id) in the message.
/// </summary>
public sealed class FailOnServerErrorHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
        }

        return response;
    }
}
