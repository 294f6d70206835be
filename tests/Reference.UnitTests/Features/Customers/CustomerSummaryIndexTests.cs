using Reference.Features.Customers;
using Reference.Infrastructure.ReadStore;

namespace Reference.UnitTests.Features.Customers;

/// <summary>The customer list's sortable fields are served by indexes (the store puts the tenant first).</summary>
public sealed class CustomerSummaryIndexTests
{
    [Fact]
    public void The_sortable_fields_of_the_customer_list_each_have_an_index()
    {
        var declared = ReadModelIndexes.Of<CustomerSummary>().Select(i => string.Join(",", i.Properties)).ToList();

        Assert.Equal(["Name", "Email", "RegisteredAt"], declared);
    }
}
