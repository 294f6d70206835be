using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Orders.Fulfilment;

/// <summary>The app with order fulfilment on: payments above 1000 are declined, the provider answers at once.</summary>
public class FulfilmentApiFactory : ReferenceApiFactory
{
    public const decimal DeclineAbove = 1000m;

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Orders:Fulfilment:Enabled"] = "true";
        settings["Orders:Fulfilment:PaymentTimeout"] = "00:00:30";
        settings["Payments:Simulator:DeclineAbove"] = "1000";
        settings["Processes:PollInterval"] = "00:00:00.200";
        return settings;
    }
}

/// <summary>
/// Fulfilment with a provider slower than the payment timeout: every payment times out. Hangfire looks for due delayed
/// jobs every 15 seconds, so the provider takes longer than that: the timeout fires before the answer in every run.
/// </summary>
public sealed class SlowPaymentApiFactory : FulfilmentApiFactory
{
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Orders:Fulfilment:PaymentTimeout"] = "00:00:01";
        settings["Payments:Simulator:Delay"] = "00:00:20";
        return settings;
    }
}

[CollectionDefinition(Name)]
public sealed class FulfilmentCollection : ICollectionFixture<FulfilmentApiFactory>
{
    public const string Name = "fulfilment";
}

[CollectionDefinition(Name)]
public sealed class SlowPaymentCollection : ICollectionFixture<SlowPaymentApiFactory>
{
    public const string Name = "slow-payment";
}
