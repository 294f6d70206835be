using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.Features.Shared.Http;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Ports;
using static Reference.IntegrationTests.Api.Support.IdempotencyApi;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST /api/orders</c>, on PostgreSQL: a retry with the same key and body answers like
/// the first request and writes nothing; a different body under the key is refused; keys are per principal and per
/// tenant; concurrent retries, retries on another node, after a restart and after a commit whose answer was lost
/// all end with one order.
/// </summary>
public sealed class IdempotentPlaceOrderTests(ReferenceApiFactory app) : IClassFixture<ReferenceApiFactory>, IAsyncLifetime
{
    private const string Orders = "/api/orders";

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_same_key_and_body_answers_with_the_first_response_and_places_one_order()
    {
        var client = app.Sales();
        var key = Guid.NewGuid().ToString();
        var order = NewOrder(("SKU-1", 2, 9.5m));

        var first = await PostAsync(client, Orders, order, key);
        var retry = await PostAsync(client, Orders, order, key);

        var placed = await first.ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.False(IsReplayed(first));
        Assert.True(IsReplayed(retry));
        Assert.Equal(1, await OrdersInAsync(ReferenceApiFactory.Acme));
        Assert.Equal(1, await CountAsync(app.ConnectionString, "audit_log", "action = 'Orders.PlaceOrder' AND resource_id = @p0", placed.Id.ToString()));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_idempotency_key_reused_and_writes_nothing()
    {
        var client = app.Sales();
        var key = Guid.NewGuid().ToString();
        (await PostAsync(client, Orders, NewOrder(("SKU-1", 1, 1m)), key)).EnsureSuccessStatusCode();

        var reused = await PostAsync(client, Orders, NewOrder(("SKU-1", 2, 1m)), key);

        var problem = await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.IdempotencyKeyReused);
        Assert.Equal("idempotency.key_reused", problem.GetProperty("code").GetString());
        Assert.Equal(1, await OrdersInAsync(ReferenceApiFactory.Acme));
    }

    [Fact]
    public async Task Keys_are_per_principal_and_per_tenant()
    {
        var key = Guid.NewGuid().ToString();
        var order = NewOrder(("SKU-1", 1, 1m));

        var alice = await (await PostAsync(app.As("alice@acme", ReferenceApiFactory.Acme, "sales"), Orders, order, key)).ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        var bobResponse = await PostAsync(app.As("bob@acme", ReferenceApiFactory.Acme, "sales"), Orders, order, key);
        var globexResponse = await PostAsync(app.As("alice@acme", ReferenceApiFactory.Globex, "sales"), Orders, order, key);

        var bob = await bobResponse.ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        var globex = await globexResponse.ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        Assert.False(IsReplayed(bobResponse) || IsReplayed(globexResponse));
        Assert.Equal(3, new[] { alice.Id, bob.Id, globex.Id }.Distinct().Count());
        Assert.Equal(2, await OrdersInAsync(ReferenceApiFactory.Acme));
        Assert.Equal(1, await OrdersInAsync(ReferenceApiFactory.Globex));
    }

    [Fact]
    public async Task Without_a_key_a_retry_is_a_new_order()
    {
        var client = app.Sales();
        var order = NewOrder(("SKU-1", 1, 1m));

        var first = await (await PostAsync(client, Orders, order)).ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        var second = await (await PostAsync(client, Orders, order)).ReadAsAsync<VersionBody>(HttpStatusCode.Created);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(0, await CountAsync(app.ConnectionString, "idempotency_keys"));
    }

    [Fact]
    public async Task A_refused_request_does_not_use_up_its_key()
    {
        var client = app.Sales();
        var key = Guid.NewGuid().ToString();

        var refused = await PostAsync(client, Orders, NewOrder(("SKU-1", 1, 1m), ("SKU-1", 2, 1m)), key);
        var corrected = await PostAsync(client, Orders, NewOrder(("SKU-1", 3, 1m)), key);

        await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        await corrected.ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        Assert.False(IsReplayed(corrected));
        Assert.Equal(1, await OrdersInAsync(ReferenceApiFactory.Acme));
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("bell\u0007")]
    [InlineData("new\nline")]
    [InlineData("ключ")]
    [InlineData("k")]
    public async Task An_invalid_key_is_400_validation_failed_naming_the_header_and_writes_nothing(string key)
    {
        var keyValue = key == "k" ? new string('k', 256) : key;

        var response = await PostAsync(app.Sales(), Orders, NewOrder(("SKU-1", 1, 1m)), keyValue);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());
        Assert.Equal(0, await OrdersInAsync(ReferenceApiFactory.Acme));
    }

    [Fact]
    public async Task An_empty_key_is_400()
    {
        // HttpClient drops a header with an empty value, so the request is built on the server side.
        var body = JsonSerializer.SerializeToUtf8Bytes(NewOrder(("SKU-1", 1, 1m)));
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = Orders;
            c.Request.Headers.Authorization = $"Bearer {TestTokens.Create("sales@acme", ReferenceApiFactory.Acme, ["sales"])}";
            c.Request.Headers[KeyHeader] = string.Empty;
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
        });

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Equal(0, await OrdersInAsync(ReferenceApiFactory.Acme));
    }

    [Fact]
    public async Task Two_keys_in_one_request_are_400()
    {
        var response = await PostAsync(app.Sales(), Orders, NewOrder(("SKU-1", 1, 1m)), "a", "b");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        Assert.Equal(0, await OrdersInAsync(ReferenceApiFactory.Acme));
    }

    [Fact]
    public async Task A_quoted_key_is_the_same_key_and_255_characters_are_accepted()
    {
        var client = app.Sales();
        var key = new string('k', 255);
        var order = NewOrder(("SKU-1", 1, 1m));

        (await PostAsync(client, Orders, order, key)).EnsureSuccessStatusCode();
        var quoted = await PostAsync(client, Orders, order, $"\"{key}\"");

        Assert.True(IsReplayed(quoted));
        Assert.Equal(1, await OrdersInAsync(ReferenceApiFactory.Acme));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_place_one_order_and_every_success_names_it()
    {
        var key = Guid.NewGuid().ToString();
        var order = NewOrder(("SKU-1", 1, 1m));
        var clients = Enumerable.Range(0, 8).Select(_ => app.Sales()).ToArray();

        var responses = await Task.WhenAll(clients.Select(c => PostAsync(c, Orders, order, key)));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToArray();
        foreach (var other in responses.Except(created))
        {
            await other.AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.IdempotencyKeyInFlight);
            Assert.NotNull(other.Headers.RetryAfter);
        }

        Assert.NotEmpty(created);
        Assert.Single(created, r => !IsReplayed(r));
        var ids = await Task.WhenAll(created.Select(async r => (await r.ReadAsAsync<VersionBody>(HttpStatusCode.Created)).Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await OrdersInAsync(ReferenceApiFactory.Acme));
    }

    [Fact]
    public async Task Another_node_on_the_same_database_answers_a_retry_with_the_first_response()
    {
        await using var other = new SharedDatabaseApiFactory(app.ConnectionString);
        var key = Guid.NewGuid().ToString();
        var order = NewOrder(("SKU-1", 1, 1m));

        var first = await PostAsync(app.Sales(), Orders, order, key);
        var retry = await PostAsync(other.Sales(), Orders, order, key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(IsReplayed(retry));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await OrdersInAsync(ReferenceApiFactory.Acme));
    }

    [Fact]
    public async Task Concurrent_requests_on_two_nodes_place_one_order()
    {
        await using var other = new SharedDatabaseApiFactory(app.ConnectionString);
        var key = Guid.NewGuid().ToString();
        var order = NewOrder(("SKU-1", 1, 1m));
        var clients = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? app.Sales() : other.Sales()).ToArray();

        var responses = await Task.WhenAll(clients.Select(c => PostAsync(c, Orders, order, key)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var ids = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(async r => (await r.ReadAsAsync<VersionBody>(HttpStatusCode.Created)).Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await OrdersInAsync(ReferenceApiFactory.Acme));
    }

    [Fact]
    public async Task A_retry_after_a_restart_answers_with_the_first_response()
    {
        var key = Guid.NewGuid().ToString();
        var order = NewOrder(("SKU-1", 1, 1m));
        string firstBody;
        await using (var before = new SharedDatabaseApiFactory(app.ConnectionString))
        {
            firstBody = await (await PostAsync(before.Sales(), Orders, order, key)).Content.ReadAsStringAsync();
        }

        await using var after = new SharedDatabaseApiFactory(app.ConnectionString);
        var retry = await PostAsync(after.Sales(), Orders, order, key);

        Assert.True(IsReplayed(retry));
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await OrdersInAsync(ReferenceApiFactory.Acme));
    }

    [Fact]
    public async Task A_retry_after_a_commit_whose_answer_was_lost_places_nothing_twice()
    {
        await using var node = new LostCommitAnswerApiFactory(app.ConnectionString);
        var key = Guid.NewGuid().ToString();
        var order = NewOrder(("SKU-1", 1, 1m));
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = app.Sales().DefaultRequestHeaders.Authorization;

        var lost = await PostAsync(client, Orders, order, key);
        var retry = await PostAsync(client, Orders, order, key);

        Assert.Equal(HttpStatusCode.InternalServerError, lost.StatusCode);
        var placed = await retry.ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        Assert.True(IsReplayed(retry));
        Assert.Equal(1, await OrdersInAsync(ReferenceApiFactory.Acme));
        Assert.Equal(1, await CountAsync(app.ConnectionString, "streams", "stream_id = @p0", placed.Id.ToString()));
    }

    [Fact]
    public async Task An_expired_key_is_pruned_and_then_stands_for_a_new_request()
    {
        await using var node = new SharedDatabaseApiFactory(
            app.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Idempotency:Retention"] = "00:00:01",
                ["Idempotency:InFlightLease"] = "00:00:00.5",
                ["Idempotency:InFlightWait"] = "00:00:00.1",
            });
        var client = node.Sales();
        var key = Guid.NewGuid().ToString();
        var order = NewOrder(("SKU-1", 1, 1m));
        var first = await (await PostAsync(client, Orders, order, key)).ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        // Any claim prunes expired keys on its way: an unrelated key removes the expired one.
        (await PostAsync(client, Orders, order, Guid.NewGuid().ToString())).EnsureSuccessStatusCode();
        var prunedCount = await CountAsync(app.ConnectionString, "idempotency_keys", "idempotency_key = @p0", key);
        var again = await PostAsync(client, Orders, order, key);

        Assert.Equal(0, prunedCount);
        Assert.False(IsReplayed(again));
        Assert.NotEqual(first.Id, (await again.ReadAsAsync<VersionBody>(HttpStatusCode.Created)).Id);
    }

    [Fact]
    public async Task The_openapi_document_shows_the_optional_header_on_creating_posts_only()
    {
        var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        bool Takes(string path, string verb) =>
            document.GetProperty(path).GetProperty(verb).TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == KeyHeader && p.GetProperty("in").GetString() == "header");

        Assert.True(Takes("/api/orders", "post"));
        Assert.True(Takes("/api/customers", "post"));
        Assert.True(Takes("/api/tenants", "post"));
        Assert.False(Takes("/api/orders/{id}/confirm", "post"));
    }

    private Task<long> OrdersInAsync(string tenantId) => CountAsync(app.ConnectionString, "streams", "tenant_id = @p0", tenantId);

    /// <summary>
    /// A node whose first commit of a <c>POST /api/orders</c> succeeds and then fails, as if the connection dropped
    /// before the answer came back: the order is committed, the client sees an error.
    /// </summary>
    private sealed class LostCommitAnswerApiFactory(string connectionString) : SharedDatabaseApiFactory(connectionString)
    {
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            var lose = new LoseOnce();
            services.RemoveAll<IUnitOfWork>();
            services.AddScoped<IUnitOfWork>(sp => new LostAnswerUnitOfWork(
                sp.GetRequiredService<PersistenceSession>(), new LoseOnce.ForRequest(lose, sp.GetRequiredService<IHttpContextAccessor>())));
        }
    }

    private sealed class LoseOnce
    {
        private int _lost;

        private bool Now() => Interlocked.Exchange(ref _lost, 1) == 0;

        /// <summary>Loses the answer of the first commit made while placing an order, and of no other (background work commits too).</summary>
        public sealed class ForRequest(LoseOnce once, IHttpContextAccessor http)
        {
            public bool Now() => http.HttpContext?.Request is { Method: "POST", Path.Value: "/api/orders" } && once.Now();
        }
    }

    private sealed class LostAnswerUnitOfWork(IUnitOfWork inner, LoseOnce.ForRequest lose) : IUnitOfWork
    {
        public bool IsActive => inner.IsActive;

        // Not async: the real unit of work makes its transaction ambient in the caller's flow.
        public Task<IUnitOfWorkHandle> BeginAsync(CancellationToken cancellationToken = default) => WrapAsync(inner.BeginAsync(cancellationToken));

        public void AfterCommit(Func<CancellationToken, Task> action) => inner.AfterCommit(action);

        private async Task<IUnitOfWorkHandle> WrapAsync(Task<IUnitOfWorkHandle> begun) => new Handle(await begun, lose);

        private sealed class Handle(IUnitOfWorkHandle inner, LoseOnce.ForRequest lose) : IUnitOfWorkHandle
        {
            public bool IsOwner => inner.IsOwner;

            public async Task CommitAsync(CancellationToken cancellationToken = default)
            {
                await inner.CommitAsync(cancellationToken);
                if (inner.IsOwner && lose.Now())
                {
                    throw new IOException("The connection dropped after the commit was sent; the client never heard back.");
                }
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
