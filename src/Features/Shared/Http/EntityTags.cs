using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Reference.Features.Shared.Http;

/// <summary>
/// An aggregate's version as an HTTP entity tag (<c>"7"</c>). Writes send it back in
/// <c>If-Match</c>; a stale one is refused with 412 rather than overwriting someone else's change.
/// </summary>
public static class EntityTags
{
    public static string Format(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpResponse response, long version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = Format(version);
    }

    /// <summary>
    /// The version the client expects, from <c>If-Match</c>: null when absent or <c>*</c> (no
    /// precondition). False when the header is present but is not one of our tags.
    /// </summary>
    public static bool TryReadIfMatch(HttpRequest request, out long? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(request);
        expectedVersion = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseList([header], out var tags) || tags.Count != 1 || tags[0].IsWeak)
        {
            return false;
        }

        if (long.TryParse(tags[0].Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            expectedVersion = version;
            return true;
        }

        return false;
    }
}
