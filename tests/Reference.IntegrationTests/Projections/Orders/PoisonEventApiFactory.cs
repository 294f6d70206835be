using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Events;

namespace Reference.IntegrationTests.Projections.Orders;

/// <summary>
/// The application on PostgreSQL for both sides (the relational read store keeps checkpoints and dead letters in
/// the same database), with one upcaster that always fails: <c>orders.order_confirmed</c> from schema version 0.
/// Each test class gets its own database, since the rows it writes into the log stay there.
/// </summary>
public sealed class PoisonEventApiFactory : ReferenceApiFactory
{
    public const string BrokenUpcasterType = "orders.order_confirmed";

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["ReadStore:Provider"] = "Relational";
        return settings;
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IEventUpcaster, BrokenUpcaster>();

    /// <summary>An upcaster with a bug in it, as a faulty deployment might ship.</summary>
    private sealed class BrokenUpcaster : IEventUpcaster
    {
        public string EventType => BrokenUpcasterType;

        public int FromSchemaVersion => 0;

        public JsonObject Upcast(JsonObject data) => throw new InvalidOperationException("the upcaster has a bug");
    }
}
