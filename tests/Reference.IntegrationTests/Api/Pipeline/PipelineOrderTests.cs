using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Customers;
using Reference.Features.Customers.GetCustomer;
using Reference.Features.Customers.RegisterCustomer;
using Reference.Features.Orders.GetOrder;
using Reference.Features.Orders.PlaceOrder;
using Reference.Infrastructure.Pipeline;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Application;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Pipeline;

/// <summary>The behaviours run in the documented order, each only where its marker applies.</summary>
public sealed class PipelineOrderTests(ObservedApiFactory app) : IClassFixture<ObservedApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_command_passes_tracing_expected_failures_tenancy_audit_authorization_validation_idempotency_unit_of_work_and_cache_invalidation_in_that_order()
    {
        await using var scope = app.Services.CreateAsyncScope();

        var pipeline = scope.ServiceProvider.GetServices<IPipelineBehavior<RegisterCustomer, Result<CustomerVersion>>>().Select(b => b.GetType().GetGenericTypeDefinition());

        Assert.Equal(
            [
                typeof(TracingBehaviour<,>),
                typeof(ExpectedFailureBehaviour<,>),
                typeof(TenancyBehaviour<,>),
                typeof(AuditBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(IdempotencyBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
                typeof(CacheInvalidationBehaviour<,>),
                typeof(IdempotencyCompletionBehaviour<,>),
                typeof(RecordingBehaviour<,>),
            ],
            pipeline);
    }

    [Fact]
    public async Task A_query_passes_tracing_expected_failures_tenancy_authorization_validation_and_caching_but_no_unit_of_work()
    {
        await using var scope = app.Services.CreateAsyncScope();

        var pipeline = scope.ServiceProvider.GetServices<IPipelineBehavior<GetCustomer, Result<CustomerDetails>>>().Select(b => b.GetType().GetGenericTypeDefinition());

        Assert.Equal(
            [
                typeof(TracingBehaviour<,>),
                typeof(ExpectedFailureBehaviour<,>),
                typeof(TenancyBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(CachingBehaviour<,>),
                typeof(RecordingBehaviour<,>),
            ],
            pipeline);
    }

    [Fact]
    public async Task By_the_time_a_command_handler_runs_its_activity_tenant_and_transaction_are_in_place()
    {
        var recorder = app.Services.GetRequiredService<HandlerContextRecorder>();

        await PlaceAsync(app.Sales(ReferenceApiFactory.Globex));

        var seen = Assert.Single(recorder.Seen, s => s.MessageType == nameof(PlaceOrder) && s.TenantId == ReferenceApiFactory.Globex);
        Assert.Equal("Orders.PlaceOrder", seen.Activity);
        Assert.True(seen.TransactionActive);
    }

    [Fact]
    public async Task A_query_never_opens_a_write_transaction()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        var counter = app.Services.GetRequiredService<UnitOfWorkCounter>();
        var recorder = app.Services.GetRequiredService<HandlerContextRecorder>();
        var before = counter.Begun;

        var order = await GetAsync(client, placed.Id, placed.Version);

        Assert.Equal(placed.Id, order.Id);
        Assert.Equal(before, counter.Begun);
        Assert.Contains(recorder.Seen, s => s.MessageType == nameof(GetOrder) && !s.TransactionActive);
    }

    [Fact]
    public async Task A_command_without_permission_never_reaches_its_handler()
    {
        var recorder = app.Services.GetRequiredService<HandlerContextRecorder>();
        var counter = app.Services.GetRequiredService<UnitOfWorkCounter>();
        var transactionsBefore = counter.Begun;
        var handledBefore = recorder.Seen.Count(s => s.MessageType == nameof(PlaceOrder));

        var response = await app.Viewer().PostAsync("/api/orders", System.Net.Http.Json.JsonContent.Create(NewOrder(("X-1", 1, 1m))));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(handledBefore, recorder.Seen.Count(s => s.MessageType == nameof(PlaceOrder)));
        Assert.Equal(transactionsBefore, counter.Begun);
    }
}
