namespace Reference.IntegrationTests.Filtering;

/// <summary>
/// Filter strings and the ids of tenant A they must return, in id order. Every store runs this same table,
/// so a difference between LINQ-to-objects, EF Core and MongoDB shows as a failing row.
/// </summary>
public static class FilterCases
{
    private const string AllOfA = "a01,a02,a03,a04,a05,a06,a07,a08,a09,a10";

    public static readonly IReadOnlyList<(string Filter, string Expected)> Table =
    [
        // Gridify form: equality, enums by name, numbers.
        ("status=active", "a01,a04,a07,a09"),
        ("status=ACTIVE", "a01,a04,a07,a09"),
        ("status!=active", "a02,a03,a05,a06,a08,a10"),
        ("number=3", "a03"),
        ("number>8", "a09,a10"),
        ("number>=8", "a08,a09,a10"),
        ("number<3", "a01,a02"),
        ("number<=2", "a01,a02"),
        ("total=100", "a01,a07"),
        ("amount>=250.5", "a02,a04,a05,a09"),
        ("total<1", "a03"),

        // Text, null and empty.
        ("title=epsilon", "a07"),
        ("title=", "a03,a04"),
        ("title=null", "a03"),
        ("title!=null", "a01,a02,a04,a05,a06,a07,a08,a09,a10"),
        ("title=\\null", "a09"),
        ("title=*order", "a01,a02"),
        ("title!*order", "a03,a04,a05,a06,a07,a08,a09,a10"),
        ("title=*ORDER/i", "a01,a02"),
        ("title^Alpha", "a01"),
        ("title^alpha", ""),
        ("title^alpha/i", "a01"),
        ("title!^Alpha", "a02,a03,a04,a05,a06,a07,a08,a09,a10"),
        ("title$order", "a01,a02"),
        ("title!$order", "a03,a04,a05,a06,a07,a08,a09,a10"),
        ("title=EPSILON/i", "a07"),
        ("title!=epsilon", "a01,a02,a03,a04,a05,a06,a08,a09,a10"),

        // Escapes.
        ("title=Gamma\\, with comma", "a05"),
        ("title=Delta \\(draft\\)", "a06"),
        ("title=Zeta back\\\\slash", "a08"),
        ("title=Theta\\/i", "a10"),

        // Nested objects and aliases.
        ("customer.name=Ann Smith", "a01,a07"),
        ("customer=ann smith/i", "a01,a07"),
        ("customer=*ann/i", "a01,a03,a07"),
        ("customer=Carl \\(Ltd\\)", "a04"),
        ("customer=Dana\\|Pipe", "a05"),
        ("customer.email=null", "a02,a06,a10"),
        ("customer.email$x.test", "a01,a04,a07,a08"),
        ("customer.email>b", "a04,a05,a08,a09"),

        // Collections: any element; negation means no element.
        ("lines.sku=SKU-1", "a01,a05,a08,a10"),
        ("lines.sku!=SKU-1", "a02,a03,a04,a06,a07,a09"),
        ("lines.qty>4", "a02,a05,a08"),
        ("lines.sku=SKU-1,lines.qty>=3", "a05,a08,a10"),
        ("(lines.sku=SKU-1,lines.qty>=3)", "a08,a10"),
        ("tags=urgent", "a01,a04,a08"),
        ("tags!=vip", "a03,a04,a05,a07,a08,a10"),
        ("tags=[backorder;urgent]", "a01,a04,a05,a06,a08"),

        // Lists.
        ("status=[active;shipped]", "a01,a04,a05,a07,a09,a10"),
        ("status!=[active;shipped]", "a02,a03,a06,a08"),
        ("number=[1;3;5]", "a01,a03,a05"),

        // Dates: a bare date means the whole UTC day.
        ("createdAt=2024-01-05", "a01,a02"),
        ("createdAt>2024-04-30", "a10"),
        ("createdAt>=2024-04-30", "a09,a10"),
        ("createdAt<2024-01-06", "a01,a02"),
        ("createdAt<=2024-01-06", "a01,a02,a03"),
        ("createdAt>2024-03-01T00:00:00Z", "a07,a08,a09,a10"),
        ("createdAt=2024-03-01T00:00:00Z", "a06"),
        ("createdAt=2024-03-01T01:00:00+01:00", "a06"),
        ("createdAt!=2024-01-05", "a03,a04,a05,a06,a07,a08,a09,a10"),
        ("dueOn>=2024-05-01", "a07,a08,a09,a10"),
        ("dueOn=2024-03-10", "a04"),

        // Booleans, nullable numbers, Guids.
        ("paid=true", "a01,a04,a05,a07,a09"),
        ("paid!=true", "a02,a03,a06,a08,a10"),
        ("priority=null", "a02,a06,a10"),
        ("priority>=3", "a03,a07,a09"),
        ("priority!=1", "a02,a03,a04,a06,a07,a08,a09,a10"),
        ("externalRef=aaaaaaaa-0000-0000-0000-000000000004", "a04"),

        // Precedence: AND binds tighter than OR.
        ("status=active,total>=300", "a04,a09"),
        ("status=active|status=shipped,total<100", "a01,a04,a07,a09,a10"),
        ("(status=active|status=shipped),total<100", "a10"),
        ("number<3|number>8,paid=false", "a01,a02,a10"),
        ("((number=1))", "a01"),
        ("number = 1 , number = 2", ""),
        ("number = 1 | number = 2", "a01,a02"),
        ("NUMBER=1", "a01"),
        ("title=beta order|customer.name=Grace", "a02,a09"),
        ("number>0", AllOfA),

        // Colon form.
        ("status:eq:active", "a01,a04,a07,a09"),
        ("status:eq:active,total:gte:300", "a04,a09"),
        ("total:between:100,300", "a01,a02,a07,a09"),
        ("total:not_between:100;300", "a03,a04,a05,a06,a08,a10"),
        ("status:in:active,shipped", "a01,a04,a05,a07,a09,a10"),
        ("status:not_in:active;shipped", "a02,a03,a06,a08"),
        ("title:contains:order", "a01,a02"),
        ("title:icontains:ORDER", "a01,a02"),
        ("title:like:%order", "a01,a02"),
        ("title:ilike:alpha%", "a01"),
        ("title:startswith:Delta", "a06"),
        ("title:starts_with:Delta", "a06"),
        ("title:ends_with:slash", "a08"),
        ("title:endswith:slash", "a08"),
        ("priority:is_null", "a02,a06,a10"),
        ("priority:is_not_null", "a01,a03,a04,a05,a07,a08,a09"),
        ("number:>:8", "a09,a10"),
        ("number:lte:2", "a01,a02"),
        ("number:ne:1", "a02,a03,a04,a05,a06,a07,a08,a09,a10"),
        ("number:lt:3,number:!=:1", "a02"),
        ("createdAt:between:2024-01-05,2024-01-06", "a01,a02,a03"),
        ("customer:eq:Ann Smith", "a01,a07"),
        ("lines.sku:in:SKU-5;SKU-6", "a08,a09"),
        ("title:eq:Gamma\\, with comma", "a05"),
    ];

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var (filter, expected) in Table)
        {
            data.Add(filter, expected);
        }

        return data;
    }
}
