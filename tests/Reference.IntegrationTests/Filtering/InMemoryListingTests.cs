using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Filtering;

public sealed class InMemoryListingTests : ListingBehaviour
{
    protected override IQueryExecutor Executor => InMemoryQueryExecutor.Instance;

    protected override IQueryable<TestOrder> Source() => TestOrders.All().AsQueryable();
}
