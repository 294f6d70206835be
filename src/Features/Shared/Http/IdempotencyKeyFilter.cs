using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Idempotency;

namespace Reference.Features.Shared.Http;

/// <summary>
/// Reads the <c>Idempotency-Key</c> header of an endpoint that accepts one (<see cref="IdempotencyKeyEndpoints.AcceptsIdempotencyKey"/>):
/// an invalid key is 400 <c>validation-failed</c> before anything runs; a valid one is handed to the command
/// pipeline (<see cref="IdempotentRequest"/>) with a SHA-256 of the method, path, query and body bytes, which is what
/// "the same request" means. A response the pipeline replayed carries <c>Idempotent-Replayed: true</c>.
/// A request without the header runs as always.
/// </summary>
public sealed class IdempotencyKeyFilter : IEndpointFilter
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var values = http.Request.Headers[KeyHeader];
        if (values.Count == 0)
        {
            return await next(context);
        }

        var key = values.Count == 1 ? Unquote(values[0]) : null;
        var problem = values.Count == 1 ? IdempotencyKeyRules.Explain(key) : $"Send one {KeyHeader} header, not {values.Count}.";
        if (problem is not null)
        {
            var error = Error.Validation(new Dictionary<string, string[]> { [KeyHeader] = [problem] });
            await ApiProblems.WriteAsync(http, ApiProblems.FromError(http, error));
            return Results.Empty;
        }

        var request = http.RequestServices.GetRequiredService<IdempotentRequest>();
        request.Accept(key!, await HashAsync(http.Request, http.RequestAborted));
        http.Response.OnStarting(() =>
        {
            if (request.Replayed)
            {
                http.Response.Headers[ReplayedHeader] = "true";
            }

            return Task.CompletedTask;
        });
        return await next(context);
    }

    // The header is a structured-field string in the IETF draft ("..."); most clients send the bare key.
    private static string? Unquote(string? value) =>
        value is { Length: >= 2 } && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));

        // Buffered, so the endpoint still reads the body after the hash did.
        request.EnableBuffering();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
