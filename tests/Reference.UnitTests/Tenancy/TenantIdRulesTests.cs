using Reference.SharedKernel.Tenancy;

namespace Reference.UnitTests.Tenancy;

/// <summary>New tenant ids are single DNS labels, so every resolution strategy (host included) can carry them.</summary>
public sealed class TenantIdRulesTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("Acme-2")]
    [InlineData("a")]
    [InlineData("0")]
    public void Accepts_a_dns_label(string id) => Assert.Null(TenantIdRules.Explain(id));

    [Fact]
    public void Accepts_the_longest_label() => Assert.Null(TenantIdRules.Explain(new string('a', TenantIdRules.MaxLength)));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("has space")]
    [InlineData("dotted.name")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("under_score")]
    [InlineData("ümlaut")]
    [InlineData("slash/es")]
    public void Refuses_what_is_not_a_label(string? id) => Assert.NotNull(TenantIdRules.Explain(id));

    [Fact]
    public void Refuses_a_label_longer_than_dns_allows() =>
        Assert.Contains("at most 63", TenantIdRules.Explain(new string('a', TenantIdRules.MaxLength + 1)), StringComparison.Ordinal);

    [Theory]
    [InlineData("system")]
    [InlineData("SYSTEM")]
    public void Refuses_the_reserved_ids_in_any_casing(string id) =>
        Assert.Contains("reserved", TenantIdRules.Explain(id), StringComparison.Ordinal);
}
