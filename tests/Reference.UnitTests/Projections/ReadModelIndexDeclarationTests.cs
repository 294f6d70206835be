using Reference.Infrastructure.ReadStore;
using Reference.SharedKernel.Ports;
using Reference.TestSupport.Contracts;

namespace Reference.UnitTests.Projections;

public sealed class ReadModelIndexDeclarationTests
{
    [Fact]
    public void A_read_model_declares_no_index_unless_it_says_so()
    {
        Assert.Empty(ReadModelIndexes.Of<Undeclared>());
        Assert.Equal(2, ReadModelIndexes.Of<ContractDocument>().Count);
    }

    [Fact]
    public void An_index_on_a_property_the_read_model_does_not_have_fails_at_start_up_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReadModelIndexes.Of<Misdeclared>());

        Assert.Contains("'Colour'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_names_at_least_one_property()
    {
        Assert.Throws<ArgumentException>(() => ReadModelIndex.On());
        Assert.Throws<ArgumentException>(() => ReadModelIndex.On("Name", " "));
    }

    private sealed class Undeclared : IReadModel
    {
        public string Id { get; set; } = "";

        public string TenantId { get; set; } = "";
    }

    private sealed class Misdeclared : IReadModel
    {
        public static IReadOnlyList<ReadModelIndex> Indexes { get; } = [ReadModelIndex.On("Colour")];

        public string Id { get; set; } = "";

        public string TenantId { get; set; } = "";
    }
}
