using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Orders.Domain;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>The application serves <see cref="IAggregateSnapshots{TAggregate,TId}"/> for every snapshotted aggregate: here, orders.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrderOnDemandSnapshotTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_snapshot_taken_on_demand_is_stored_at_the_current_version_and_later_commands_load_from_it()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await AddLineAsync(client, placed.Id, "B")).StatusCode);

        long? taken;
        Snapshot? stored;
        await using (var scope = app.Services.CreateAsyncScope())
        using (scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(ReferenceApiFactory.Acme))
        {
            taken = await scope.ServiceProvider.GetRequiredService<IAggregateSnapshots<Order, Guid>>().TakeSnapshotAsync(placed.Id);
            stored = await scope.ServiceProvider.GetRequiredService<ISnapshotStore>().GetLatestAsync(placed.Id.ToString(), new OrderSnapshotter().SnapshotType);
        }

        var confirmed = await ConfirmAsync(client, placed.Id, ifMatch: "\"2\"");

        Assert.Equal(2, taken);
        Assert.Equal((2L, new OrderSnapshotter().SchemaVersion), stored is { } s ? (s.Version, s.SchemaVersion) : default);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("\"3\"", confirmed.Headers.ETag?.Tag);
    }
}
