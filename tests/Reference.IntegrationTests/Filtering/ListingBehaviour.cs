using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Filtering;

/// <summary>
/// Sorting, paging, cursors, authorization and escape attempts through the list entry point. Each store runs the
/// same facts through a subclass, so behaviour is identical by construction of the tests.
/// </summary>
public abstract class ListingBehaviour
{
    private static readonly ListConstraints<TestOrder> OwnOrdersOfA =
        ListConstraints<TestOrder>.ForTenant(TestOrders.TenantA, o => o.OwnerId == "u1");

    public static TheoryData<string> EscapeAttempts() =>
    [
        "x=1|tenantId=tenant-b",
        "number=1|tenantId=tenant-b",
        "number=1|tenantid=tenant-b",
        "number>0|TENANTID=tenant-b",
        ")|(",
        "number=1)|(number>0",
        "number=1)|(tenantId=tenant-b",
        "(number=1))|((number>0",
        "number=1\\|tenantId=tenant-b",
        "title=x\\,number>0",
        "title=x\\)|(number>0",
        "title=x\\\\|number>0",
        "number=1|ownerId=u2",
        "\uff54enantId=tenant-b",
        "tenant\u0130d=tenant-b",
        "tenantId\u200b=tenant-b",
        "number\uff1d1|number>0",
        "number=1\u2223number>0",
        "number=1\uff5cnumber>0",
        "tenantId:eq:tenant-b",
        "number:gt:0,tenantId:eq:tenant-b",
        "number:gt:0|tenantId:eq:tenant-b",
        "number>0",
        "number>0|number<=0",
        "title!=null|title=null",
        "number>0|" + string.Join("|", Enumerable.Repeat("number>0", 60)),
        new string('(', 200) + "number>0" + new string(')', 200),
        new string('(', 10) + "number>0" + new string(')', 10),
        "title=" + new string('a', 2100),
        "title=" + new string('\\', 999) + "|number>0",
    ];

    protected abstract IQueryable<TestOrder> Source();

    protected abstract IQueryExecutor Executor { get; }

    [Theory]
    [MemberData(nameof(EscapeAttempts))]
    public async Task An_escape_attempt_fails_or_returns_only_the_callers_rows(string filter)
    {
        foreach (var constraints in new[] { FilterScenario.TenantA, OwnOrdersOfA })
        {
            IReadOnlyList<TestOrder> rows;
            try
            {
                rows = await FilterScenario.RowsAsync(Source(), Executor, filter, constraints);
            }
            catch (FilterException)
            {
                continue;
            }

            Assert.All(rows, o => Assert.Equal(TestOrders.TenantA, o.TenantId));
            if (constraints == OwnOrdersOfA)
            {
                Assert.All(rows, o => Assert.Equal("u1", o.OwnerId));
            }
        }
    }

    [Fact]
    public async Task Authorization_predicate_narrows_whatever_the_filter_says()
    {
        var rows = await FilterScenario.RowsAsync(Source(), Executor, "number>5|number<=5", OwnOrdersOfA);

        Assert.Equal(["a01", "a03", "a05", "a07", "a09"], rows.Select(o => o.Id));
    }

    [Fact]
    public async Task Tenant_b_sees_only_its_rows_for_the_same_filter()
    {
        var rows = await FilterScenario.RowsAsync(
            Source(), Executor, "customer.name=Ann Smith", ListConstraints<TestOrder>.ForTenant(TestOrders.TenantB));

        Assert.Equal(["b01", "b04"], rows.Select(o => o.Id));
    }

    [Fact]
    public async Task Sort_orders_by_the_fields_then_by_id()
    {
        var page = await RunAsync(new ListQuery(Sort: "-total,number", PageSize: 100));

        Assert.Equal(["a04", "a05", "a09", "a02", "a01", "a07", "a10", "a06", "a08", "a03"], page.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task OrderBy_and_sort_forms_give_the_same_order()
    {
        var orderBy = await RunAsync(new ListQuery(OrderBy: "total desc, createdAt", PageSize: 100));
        var sort = await RunAsync(new ListQuery(Sort: "-total,createdAt", PageSize: 100));

        Assert.Equal(sort.Items.Select(o => o.Id), orderBy.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task Ties_are_broken_by_id_so_pages_never_overlap()
    {
        var first = await RunAsync(new ListQuery(Sort: "-total", Page: 5, PageSize: 1));
        var second = await RunAsync(new ListQuery(Sort: "-total", Page: 6, PageSize: 1));

        // a01 and a07 both total 100.
        Assert.Equal(["a01"], first.Items.Select(o => o.Id));
        Assert.Equal(["a07"], second.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task Page_and_page_size_window_the_result_and_count_all_matches()
    {
        var page = await RunAsync(new ListQuery(Filter: "status!=cancelled", Sort: "number", Page: 2, PageSize: 3));

        Assert.Equal(["a05", "a06", "a07"], page.Items.Select(o => o.Id));
        Assert.Equal((2, 3, 8), (page.Page!.Value, page.PageSize, page.TotalCount));
    }

    [Fact]
    public async Task Limit_and_offset_window_the_result()
    {
        var page = await RunAsync(new ListQuery(Sort: "number", Limit: 4, Offset: 8));

        Assert.Equal(["a09", "a10"], page.Items.Select(o => o.Id));
        Assert.Equal(10, page.TotalCount);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Default_order_is_the_field_maps_then_id()
    {
        var page = await RunAsync(new ListQuery(PageSize: 3));

        Assert.Equal(["a10", "a09", "a08"], page.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task A_cursor_walk_visits_every_row_once_in_order()
    {
        var expected = (await RunAsync(new ListQuery(Sort: "-total,createdAt", PageSize: 100))).Items.Select(o => o.Id);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await RunAsync(new ListQuery(Sort: "-total,createdAt", PageSize: 3, Cursor: cursor));
            seen.AddRange(page.Items.Select(o => o.Id));
            Assert.Equal(10, page.TotalCount);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(expected, seen);
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task A_cursor_from_another_order_is_rejected()
    {
        var first = await RunAsync(new ListQuery(Sort: "-total", PageSize: 3));

        var error = await Assert.ThrowsAsync<FilterException>(
            () => RunAsync(new ListQuery(Sort: "number", PageSize: 3, Cursor: first.NextCursor)));
        Assert.Equal(FilterErrorCodes.InvalidCursor, error.Code);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("not base64!")]
    [InlineData("WyJ4Il0")]
    [InlineData("WyJudW1iZXIsJGtleSIsImFiYyIsImEwMSJd")]
    public async Task A_forged_cursor_is_rejected(string cursor)
    {
        var error = await Assert.ThrowsAsync<FilterException>(
            () => RunAsync(new ListQuery(Sort: "number", PageSize: 3, Cursor: cursor)));
        Assert.Equal(FilterErrorCodes.InvalidCursor, error.Code);
    }

    private Task<PagedResult<TestOrder>> RunAsync(ListQuery query) =>
        Source().ToListPlan(query, TestOrderFields.Map, FilterScenario.TenantA).ExecuteAsync(Executor);
}
