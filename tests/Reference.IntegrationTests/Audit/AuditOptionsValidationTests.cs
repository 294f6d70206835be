using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Audit;

namespace Reference.IntegrationTests.Audit;

public sealed class AuditOptionsValidationTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10001")]
    public void A_verify_page_size_out_of_range_is_refused_naming_the_key(string pageSize)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Options(pageSize));

        Assert.Contains("Audit:VerifyPageSize", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_verify_page_size_defaults_to_500_and_can_be_set()
    {
        Assert.Equal(500, Options(pageSize: null).VerifyPageSize);
        Assert.Equal(50, Options("50").VerifyPageSize);
    }

    private static AuditOptions Options(string? pageSize)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(pageSize is null ? [] : new Dictionary<string, string?> { ["Audit:VerifyPageSize"] = pageSize })
            .Build();
        using var services = new ServiceCollection().AddAudit(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<AuditOptions>>().Value;
    }
}
