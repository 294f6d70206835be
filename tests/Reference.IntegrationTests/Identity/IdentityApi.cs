using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Identity;

/// <summary>Drives <c>/api/auth</c> over HTTP the way a client would.</summary>
public static class IdentityApi
{
    public const string Password = "correct horse battery";
    public static readonly TimeSpan Lockout = TimeSpan.FromSeconds(2);

    public static void ShortLockout(IDictionary<string, string?> settings)
    {
        settings["Identity:Database:LockoutDuration"] = Lockout.ToString();
    }

    public static string NewEmail(string tenant) => $"user-{Guid.NewGuid():N}@{tenant}.test";

    /// <summary>Registers a user in <paramref name="tenant"/> with that tenant's administrator token.</summary>
    public static async Task RegisterAsync(ReferenceApiFactory app, string tenant, string email, params string[] roles)
    {
        var response = await app.Admin(tenant).PostAsJsonAsync("/api/auth/register", new { email, password = Password, roles });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> LoginAsync(ReferenceApiFactory app, string tenant, string email, string password = Password) =>
        PostAsync(app, tenant, "/api/auth/login", new { email, password });

    public static Task<HttpResponseMessage> RefreshAsync(ReferenceApiFactory app, string tenant, string refreshToken) =>
        PostAsync(app, tenant, "/api/auth/refresh", new { refreshToken });

    public static async Task<Tokens> ReadTokensAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Bearer", json.GetProperty("tokenType").GetString());
        Assert.True(json.GetProperty("expiresIn").GetInt64() > 0);
        return new Tokens(json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!);
    }

    public static HttpClient WithAccessToken(this ReferenceApiFactory app, string accessToken)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(ReferenceApiFactory app, string tenant, string path, object body)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Tenant-ID", tenant);
        return client.PostAsJsonAsync(path, body);
    }

    public sealed record Tokens(string AccessToken, string RefreshToken);
}
