using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Projections;

namespace Reference.UnitTests.Projections;

/// <summary>A horizon watch that never warns, or never looks, is refused at start-up, naming the setting.</summary>
public sealed class ProjectionOptionsValidationTests
{
    [Theory]
    [InlineData("HorizonWarningAfter", "00:00:00")]
    [InlineData("HorizonWarningAfter", "-00:00:05")]
    [InlineData("HorizonCheckInterval", "00:00:00")]
    public void A_horizon_setting_that_is_not_a_positive_time_span_is_refused_by_name(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Projections:{key}"] = value })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddProjectionEngine(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProjectionOptions>>().Value);

        Assert.Contains($"Projections:{key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_warn_after_thirty_seconds_and_look_every_ten()
    {
        using var provider = new ServiceCollection().AddLogging().AddProjectionEngine(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ProjectionOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)), (options.HorizonWarningAfter, options.HorizonCheckInterval));
    }
}
