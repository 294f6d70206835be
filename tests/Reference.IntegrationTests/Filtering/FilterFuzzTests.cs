using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Filtering;
using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Filtering;

/// <summary>
/// Seeded fuzzing: every generated filter either fails with <see cref="FilterException"/> or returns only rows of
/// the caller's tenant that pass the authorization predicate. Any other exception fails the test.
/// </summary>
public sealed class FilterFuzzTests(SqliteFilteringFixture sqlite) : IClassFixture<SqliteFilteringFixture>
{
    private static readonly ListConstraints<TestOrder> OwnOrdersOfA =
        ListConstraints<TestOrder>.ForTenant(TestOrders.TenantA, o => o.OwnerId == "u1");

    [Fact]
    public async Task Ten_thousand_generated_filters_never_escape_the_constraints_in_memory()
    {
        var (accepted, rejected) = await FuzzAsync(
            TestOrders.All().AsQueryable(), InMemoryQueryExecutor.Instance, seed: 20_240_501, count: 10_000);

        // Guards the generator: both outcomes must be well represented for the test to mean anything.
        Assert.True(accepted > 1_000, $"only {accepted} filters were accepted");
        Assert.True(rejected > 1_000, $"only {rejected} filters were rejected");
    }

    [Fact]
    public async Task Generated_filters_never_escape_the_constraints_on_sqlite()
    {
        await using var db = sqlite.CreateContext();
        var (accepted, rejected) = await FuzzAsync(
            db.Orders.AsNoTracking(), EfCoreQueryExecutor.Instance, seed: 7_331, count: 600);

        Assert.True(accepted > 60 && rejected > 60, $"{accepted} accepted, {rejected} rejected");
    }

    private static async Task<(int Accepted, int Rejected)> FuzzAsync(
        IQueryable<TestOrder> source, IQueryExecutor executor, int seed, int count)
    {
        var accepted = 0;
        var rejected = 0;
        var index = 0;
        foreach (var filter in new FilterFuzzer(seed).Generate(count))
        {
            var constraints = index++ % 2 == 0 ? FilterScenario.TenantA : OwnOrdersOfA;
            IReadOnlyList<TestOrder> rows;
            try
            {
                // All matching rows, not one page: the constraints must hold for every row the filter admits.
                var plan = source.ToListPlan(new ListQuery(Filter: filter), TestOrderFields.Map, constraints);
                rows = await executor.ToListAsync(plan.Filtered, CancellationToken.None);
            }
            catch (FilterException)
            {
                rejected++;
                continue;
            }
            catch (Exception e)
            {
                Assert.Fail($"Filter {Quote(filter)} threw {e.GetType().Name}: {e.Message}");
                throw;
            }

            accepted++;
            foreach (var row in rows)
            {
                Assert.True(
                    row.TenantId == TestOrders.TenantA && (constraints == FilterScenario.TenantA || row.OwnerId == "u1"),
                    $"Filter {Quote(filter)} returned {row.Id} of {row.TenantId}/{row.OwnerId}");
            }
        }

        return (accepted, rejected);
    }

    private static string Quote(string filter) => "\"" + filter.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
