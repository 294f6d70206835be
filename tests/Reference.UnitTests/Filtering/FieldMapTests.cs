using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Tenancy;

namespace Reference.UnitTests.Filtering;

public sealed class FieldMapTests
{
    private static readonly Row[] Rows =
    [
        new("r1", "t1", 1, "Ann", RowStatus.Active, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), [new("A", 1), new("B", 5)]),
        new("r2", "t1", 2, null, RowStatus.Draft, new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), [new("A", 5)]),
        new("r3", "t2", 1, "Ann", RowStatus.Active, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), [new("A", 1)]),
    ];

    [Fact]
    public void A_repeated_filter_is_served_from_the_cache()
    {
        var map = FieldMap.For<Row>().Key(r => r.Id).Field("number", r => r.Number).Build();

        var first = map.ToPredicate("number=1");
        var second = map.ToPredicate("  number=1 ");

        Assert.Same(first, second);
        Assert.Equal(1, map.CachedFilterCount);
    }

    [Fact]
    public void Invalid_filters_are_not_cached()
    {
        var map = FieldMap.For<Row>().Key(r => r.Id).Field("number", r => r.Number).Build();

        Assert.Throws<FilterException>(() => map.ToPredicate("number=x"));
        Assert.Equal(0, map.CachedFilterCount);
    }

    [Theory]
    [InlineData("NUMBER=1")]
    [InlineData("Number=1")]
    [InlineData("no=1")]
    [InlineData("NO=1")]
    public void Field_names_and_aliases_are_case_insensitive(string filter) =>
        Assert.Equal(["r1", "r3"], Rows.AsQueryable().Where(Row.Map.ToPredicate(filter)!).Select(r => r.Id));

    [Fact]
    public void A_field_declared_twice_is_a_configuration_error() =>
        Assert.Throws<ArgumentException>(() => FieldMap.For<Row>().Key(r => r.Id)
            .Field("number", r => r.Number).Field("NUMBER", r => r.Number).Build());

    [Fact]
    public void A_map_without_a_key_cannot_be_built() =>
        Assert.Throws<InvalidOperationException>(() => FieldMap.For<Row>().Field("number", r => r.Number).Build());

    [Fact]
    public void Describe_lists_fields_operators_and_sortable_fields_for_OpenAPI()
    {
        var text = Row.Map.Describe();

        Assert.Contains("number (alias no): = != > >= < <= in not_in between not_between", text, StringComparison.Ordinal);
        Assert.Contains("status: = in", text, StringComparison.Ordinal);
        Assert.EndsWith("Sortable: number, createdAt.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_element_matching_is_off_unless_the_collection_opts_in()
    {
        var map = FieldMap.For<Row>().Key(r => r.Id)
            .Collection("lines", r => r.Lines, l => l.Field("sku", x => x.Sku).Field("qty", x => x.Quantity))
            .Build();

        var anyElement = Rows.AsQueryable().Where(map.ToPredicate("(lines.sku=B,lines.qty=1)")!).Select(r => r.Id);

        Assert.Equal(["r1"], anyElement);
    }

    [Fact]
    public void Without_a_tenant_in_context_listing_fails_closed()
    {
        var tenants = new AmbientTenantContext();

        Assert.Throws<TenantRequiredException>(() => ListConstraints<Row>.FromContext(tenants));
    }

    [Fact]
    public void The_ambient_tenant_constrains_the_list()
    {
        var tenants = new AmbientTenantContext();
        using var scope = tenants.BeginScope("t2");

        var plan = Rows.AsQueryable().ToListPlan(new ListQuery(Filter: "number=1"), Row.Map, ListConstraints<Row>.FromContext(tenants));

        Assert.Equal(["r3"], plan.Filtered.Select(r => r.Id));
    }

    [Fact]
    public void A_system_scope_lists_across_tenants_explicitly()
    {
        var tenants = new AmbientTenantContext();
        using var scope = tenants.BeginSystemScope();

        var plan = Rows.AsQueryable().ToListPlan(new ListQuery(Filter: "number=1"), Row.Map, ListConstraints<Row>.FromContext(tenants));

        Assert.Equal(["r1", "r3"], plan.Filtered.Select(r => r.Id));
    }

    [Fact]
    public void Sorting_on_an_unknown_or_unsortable_field_is_rejected()
    {
        var source = Rows.AsQueryable();
        var tenant = ListConstraints<Row>.ForTenant("t1");

        Assert.Equal(FilterErrorCodes.UnknownSortField,
            Assert.Throws<FilterException>(() => source.ToListPlan(new ListQuery(Sort: "nope"), Row.Map, tenant)).Code);
        Assert.Equal(FilterErrorCodes.SortNotAllowed,
            Assert.Throws<FilterException>(() => source.ToListPlan(new ListQuery(Sort: "title"), Row.Map, tenant)).Code);
        Assert.Equal(FilterErrorCodes.SortNotAllowed,
            Assert.Throws<FilterException>(() => source.ToListPlan(new ListQuery(OrderBy: "lines.sku"), Row.Map, tenant)).Code);
    }
}
