using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Identity.IdentityApi;

namespace Reference.IntegrationTests.Identity;

/// <summary>
/// Database users end to end over HTTP, the same on every database: register with a tenant administrator's token,
/// log in with <c>X-Tenant-ID</c>, call the API with the issued token, refresh with rotation, lockout, tenant isolation.
/// </summary>
public abstract class DatabaseUserScenarios(ReferenceApiFactory app)
{
    private const string Acme = ReferenceApiFactory.Acme;
    private const string Globex = ReferenceApiFactory.Globex;

    [Fact]
    public async Task A_registered_user_logs_in_and_lists_orders_with_the_issued_token()
    {
        var email = NewEmail(Acme);
        await RegisterAsync(app, Acme, email, "viewer");

        var tokens = await (await LoginAsync(app, Acme, email)).ReadTokensAsync();

        var orders = await app.WithAccessToken(tokens.AccessToken).GetAsync("/api/orders");
        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
        var jwt = new JsonWebToken(tokens.AccessToken);
        Assert.Equal(Acme, jwt.GetClaim("tenant_id").Value);
        Assert.Equal("database", jwt.GetClaim("idp").Value);
    }

    [Fact]
    public async Task The_issued_token_carries_the_users_roles_and_no_more()
    {
        var email = NewEmail(Acme);
        await RegisterAsync(app, Acme, email, "viewer");
        var tokens = await (await LoginAsync(app, Acme, email)).ReadTokensAsync();

        // A viewer may read but not write: the app's own RBAC applies to its own tokens.
        var create = await app.WithAccessToken(tokens.AccessToken).PostAsJsonAsync("/api/api-keys", new { name = "k", permissions = new[] { "orders.read" } });
        await create.AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");
    }

    [Fact]
    public async Task Refresh_rotates_and_reusing_a_spent_token_revokes_the_whole_family()
    {
        var email = NewEmail(Acme);
        await RegisterAsync(app, Acme, email, "viewer");
        var first = await (await LoginAsync(app, Acme, email)).ReadTokensAsync();

        var second = await (await RefreshAsync(app, Acme, first.RefreshToken)).ReadTokensAsync();
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await app.WithAccessToken(second.AccessToken).GetAsync("/api/orders")).StatusCode);

        // The first token was spent: presenting it again is reuse, and it takes its successor down with it.
        await (await RefreshAsync(app, Acme, first.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/invalid-refresh-token");
        await (await RefreshAsync(app, Acme, second.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/invalid-refresh-token");

        // Another login starts a new family that works.
        var again = await (await LoginAsync(app, Acme, email)).ReadTokensAsync();
        await (await RefreshAsync(app, Acme, again.RefreshToken)).ReadTokensAsync();
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_401()
    {
        await (await RefreshAsync(app, Acme, "not-a-token-we-issued")).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/invalid-refresh-token");
    }

    [Fact]
    public async Task The_sixth_attempt_after_five_wrong_passwords_is_refused_even_with_the_right_one_until_the_lockout_ends()
    {
        var email = NewEmail(Acme);
        await RegisterAsync(app, Acme, email, "viewer");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await LoginAsync(app, Acme, email, "wrong password!")).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/invalid-credentials");
        }

        var locked = Stopwatch.StartNew();
        await (await LoginAsync(app, Acme, email)).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/invalid-credentials");

        await Task.Delay(Lockout - locked.Elapsed + TimeSpan.FromMilliseconds(500));
        await (await LoginAsync(app, Acme, email)).ReadTokensAsync();
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer_in_comparable_time()
    {
        var email = NewEmail(Acme);
        await RegisterAsync(app, Acme, email, "viewer");
        await (await LoginAsync(app, Acme, email)).ReadTokensAsync(); // warm up

        var wrong = await MedianAsync(() => LoginAsync(app, Acme, email, "wrong password!"));
        var unknown = await MedianAsync(() => LoginAsync(app, Acme, NewEmail(Acme), "wrong password!"));

        Assert.Equal(wrong.Body, unknown.Body);
        // The password hash dominates both (PBKDF2); an unknown user that skipped it would answer many times faster.
        Assert.True(unknown.Elapsed * 3 > wrong.Elapsed, $"unknown user {unknown.Elapsed.TotalMilliseconds} ms, wrong password {wrong.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task An_acme_user_cannot_log_in_to_globex_nor_refresh_there()
    {
        var email = NewEmail(Acme);
        await RegisterAsync(app, Acme, email, "viewer");
        var tokens = await (await LoginAsync(app, Acme, email)).ReadTokensAsync();

        await (await LoginAsync(app, Globex, email)).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/invalid-credentials");
        await (await RefreshAsync(app, Globex, tokens.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/invalid-refresh-token");

        // The acme token names acme: using it for globex is a mismatch, not a way in.
        var client = app.WithAccessToken(tokens.AccessToken);
        client.DefaultRequestHeaders.Add("X-Tenant-ID", Globex);
        await (await client.GetAsync("/api/orders")).AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/tenant-mismatch");

        // Nothing was spent at globex: the token still refreshes at acme.
        await (await RefreshAsync(app, Acme, tokens.RefreshToken)).ReadTokensAsync();
    }

    [Fact]
    public async Task The_same_email_is_two_users_in_two_tenants()
    {
        var email = NewEmail("both");
        await RegisterAsync(app, Acme, email, "viewer");
        await RegisterAsync(app, Globex, email, "viewer");

        var acme = new JsonWebToken((await (await LoginAsync(app, Acme, email)).ReadTokensAsync()).AccessToken);
        var globex = new JsonWebToken((await (await LoginAsync(app, Globex, email)).ReadTokensAsync()).AccessToken);
        Assert.NotEqual(acme.Subject, globex.Subject);
        Assert.Equal(Globex, globex.GetClaim("tenant_id").Value);
    }

    [Fact]
    public async Task Registration_needs_an_administrator_unless_self_registration_is_on()
    {
        var anonymous = app.Anonymous();
        anonymous.DefaultRequestHeaders.Add("X-Tenant-ID", Acme);
        await (await anonymous.PostAsJsonAsync("/api/auth/register", new { email = NewEmail(Acme), password = Password }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/registration-closed");

        await (await app.Sales().PostAsJsonAsync("/api/auth/register", new { email = NewEmail(Acme), password = Password }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");

        // A tenant administrator cannot hand out a platform role.
        await (await app.Admin().PostAsJsonAsync("/api/auth/register", new { email = NewEmail(Acme), password = Password, roles = new[] { "platform-admin" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "https://reference.example/problems/validation-failed");
    }

    [Fact]
    public async Task A_taken_email_is_409_and_bad_input_is_a_400_problem()
    {
        var email = NewEmail(Acme);
        await RegisterAsync(app, Acme, email, "viewer");
        await (await app.Admin().PostAsJsonAsync("/api/auth/register", new { email = email.ToUpperInvariant(), password = Password }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "https://reference.example/problems/already-exists");

        await (await app.Admin().PostAsJsonAsync("/api/auth/register", new { email = NewEmail(Acme), password = "short" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "https://reference.example/problems/validation-failed");
        await (await app.Admin().PostAsJsonAsync("/api/auth/register", new { email = "not-an-email", password = Password }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "https://reference.example/problems/validation-failed");

        var anonymous = app.Anonymous();
        anonymous.DefaultRequestHeaders.Add("X-Tenant-ID", Acme);
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "https://reference.example/problems/validation-failed");
        var malformed = await anonymous.PostAsync("/api/auth/login", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_jwks_document_publishes_the_key_that_signed_the_token()
    {
        var email = NewEmail(Acme);
        await RegisterAsync(app, Acme, email, "viewer");
        var token = new JsonWebToken((await (await LoginAsync(app, Acme, email)).ReadTokensAsync()).AccessToken);

        var jwks = await app.Anonymous().GetStringAsync("/.well-known/jwks.json");
        var set = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(jwks);
        var key = Assert.Single(set.Keys, k => k.Kid == token.Kid);
        Assert.Equal("RSA", key.Kty);
        Assert.False(key.HasPrivateKey);
    }

    private static async Task<(TimeSpan Elapsed, string Body)> MedianAsync(Func<Task<HttpResponseMessage>> login)
    {
        var samples = new List<(TimeSpan, string)>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await login();
            watch.Stop();
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            samples.Add((watch.Elapsed, $"{body.GetProperty("type").GetString()} {body.GetProperty("title").GetString()}"));
        }

        return samples.OrderBy(s => s.Item1).ElementAt(1);
    }
}

public sealed class PostgresDatabaseUserTests(PostgresIdentityApiFactory app) : DatabaseUserScenarios(app), IClassFixture<PostgresIdentityApiFactory>;

public sealed class SqliteDatabaseUserTests(SqliteIdentityApiFactory app) : DatabaseUserScenarios(app), IClassFixture<SqliteIdentityApiFactory>;
