using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.IntegrationTests.Api.Errors;

/// <summary>
/// One failure channel: an exception with an expected meaning thrown anywhere inside a use case comes back as
/// its problem (from the one table), and anything else is a 500 that reveals nothing of what went wrong.
/// </summary>
public sealed class FailureChannelTests(FailureChannelTests.FaultyApiFactory app) : IClassFixture<FailureChannelTests.FaultyApiFactory>, IAsyncLifetime
{
    private const string Secret = "Host=db.internal;Password=hunter2";

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync()
    {
        app.Services.GetRequiredService<FaultSwitch>().Fault = null;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_that_reveals_nothing()
    {
        var (response, body) = await GetAuditLogFailingWithAsync(new InvalidOperationException($"Could not connect: {Secret}"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(ApiProblems.ContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(ProblemTypes.InternalError, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_violation_thrown_inside_a_use_case_is_its_422_problem()
    {
        var (response, body) = await GetAuditLogFailingWithAsync(new BusinessRuleViolationException("audit.test_rule", "A test rule was broken."));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(ProblemTypes.RuleViolated, problem.GetProperty("type").GetString());
        Assert.Equal("audit.test_rule", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_concurrency_conflict_thrown_inside_a_use_case_is_409_with_the_current_version()
    {
        var (response, body) = await GetAuditLogFailingWithAsync(new ConcurrencyConflictException("stream-1", "3", 5));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(ProblemTypes.ConcurrencyConflict, problem.GetProperty("type").GetString());
        Assert.Equal(5, problem.GetProperty("currentVersion").GetInt64());
    }

    private async Task<(HttpResponseMessage Response, string Body)> GetAuditLogFailingWithAsync(Exception fault)
    {
        app.Services.GetRequiredService<FaultSwitch>().Fault = fault;

        // Not the factory's usual client, which fails the test on a 500 by design.
        using var client = app.CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create("admin@acme", ReferenceApiFactory.Acme, ["admin"]));
        var response = await client.GetAsync("/api/audit");
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The application with an innermost behaviour that throws the exception the test sets.</summary>
    public sealed class FaultyApiFactory : ReferenceApiFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddSingleton<FaultSwitch>();
            services.AddScoped(typeof(IPipelineBehavior<,>), typeof(FaultBehaviour<,>));
        }
    }

    public sealed class FaultSwitch
    {
        public Exception? Fault { get; set; }
    }

    public sealed class FaultBehaviour<TMessage, TResponse>(FaultSwitch faults) : IPipelineBehavior<TMessage, TResponse>
        where TMessage : notnull, IMessage
    {
        public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
            faults.Fault is { } fault ? throw fault : next(message, cancellationToken);
    }
}
