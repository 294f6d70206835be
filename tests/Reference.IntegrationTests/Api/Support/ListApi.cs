using System.Net;
using System.Net.Http.Json;

namespace Reference.IntegrationTests.Api.Support;

/// <summary>Reads list endpoints (<c>{ items, page, pageSize, totalCount, nextCursor }</c>) from tests.</summary>
public static class ListApi
{
    public sealed record ListPage<T>(List<T> Items, int? Page, int PageSize, int TotalCount, string? NextCursor);

    /// <summary>
    /// <paramref name="query"/> is <c>name=value</c> pairs; each value is URL-encoded here, so filters are written
    /// as users type them.
    /// </summary>
    public static async Task<ListPage<T>> GetAsync<T>(HttpClient client, string path, params (string Name, string Value)[] query)
    {
        var response = await client.GetAsync(Url(path, query));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {body}");
        return (await response.Content.ReadFromJsonAsync<ListPage<T>>())!;
    }

    public static string Url(string path, params (string Name, string Value)[] query) =>
        query.Length == 0 ? path : path + "?" + string.Join("&", query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}"));
}
