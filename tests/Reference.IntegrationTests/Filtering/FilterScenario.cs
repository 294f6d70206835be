using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Filtering;

/// <summary>Runs a filter through the list entry point exactly as an endpoint would, for tenant A.</summary>
public static class FilterScenario
{
    public static readonly ListConstraints<TestOrder> TenantA = ListConstraints<TestOrder>.ForTenant(TestOrders.TenantA);

    public static async Task<IReadOnlyList<TestOrder>> RowsAsync(
        IQueryable<TestOrder> source, IQueryExecutor executor, string filter, ListConstraints<TestOrder>? constraints = null)
    {
        var plan = source.ToListPlan(
            new ListQuery(Filter: filter, Sort: "id", PageSize: 100), TestOrderFields.Map, constraints ?? TenantA);
        var page = await plan.ExecuteAsync(executor);
        Assert.Equal(page.TotalCount, page.Items.Count);
        return page.Items;
    }

    public static async Task<string> IdsAsync(IQueryable<TestOrder> source, IQueryExecutor executor, string filter) =>
        string.Join(",", (await RowsAsync(source, executor, filter)).Select(o => o.Id));
}
