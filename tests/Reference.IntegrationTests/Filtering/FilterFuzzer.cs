using System.Globalization;
using System.Text;

namespace Reference.IntegrationTests.Filtering;

/// <summary>
/// Deterministic generator of filter strings: well-formed ones in both syntaxes built from real and forbidden
/// fields, and mutations (inserted, deleted, replaced, duplicated characters) of the filter table's entries.
/// </summary>
public sealed class FilterFuzzer(int seed)
{
    private static readonly string[] Fields =
    [
        "number", "title", "status", "total", "amount", "priority", "createdAt", "dueOn", "paid", "externalRef",
        "customer", "customer.name", "customer.email", "lines.sku", "lines.qty", "tags", "id",
        "tenantId", "TenantId", "ownerId", "\uff54enantId", "tenant\u0130d", "customer.tenantId", "lines", "x",
    ];

    private static readonly string[] ValidGridifyClauses =
    [
        "number>3", "number<=7", "status=active", "status!=[active;pending]", "title=*order", "title!*a",
        "title^Alpha", "customer=ann/i", "customer.email$x.test", "createdAt>=2024-02-01", "dueOn<2024-05-01",
        "lines.sku=SKU-1", "lines.qty>2", "tags!=vip", "tags=urgent", "priority=null", "priority>1", "paid=true",
        "total<=300", "amount>99.5", "title=", "title=\\null", "externalRef!=aaaaaaaa-0000-0000-0000-000000000004",
    ];

    private static readonly string[] ValidColonClauses =
    [
        "number:gt:3", "status:in:active,shipped", "title:icontains:ORDER", "total:between:10,300", "priority:is_null",
        "createdAt:lte:2024-03-01", "customer:like:%Smith", "lines.sku:not_in:SKU-1;SKU-2", "paid:eq:false",
    ];

    private static readonly string[] GridifyOperators = ["=", "!=", "<", ">", "<=", ">=", "=*", "!*", "^", "!^", "$", "!$"];

    private static readonly string[] ColonOperators =
    [
        "eq", "ne", "gt", "gte", "lt", "lte", "in", "not_in", "contains", "icontains", "like", "ilike", "startswith",
        "ends_with", "is_null", "is_not_null", "between", "not_between", "=", ">=", "nope",
    ];

    private static readonly string[] Values =
    [
        "1", "3", "0", "-1", "100", "250.5", "99999999999999999999", "active", "SHIPPED", "unknown", "true", "false",
        "null", "\\null", "", "2024-01-05", "2024-03-01T00:00:00Z", "2024-13-45", "aaaaaaaa-0000-0000-0000-000000000004",
        "Ann Smith", "order", "SKU-1", "urgent", "tenant-b", "a\\,b", "a\\|b", "x\\)", "\\(", "[active;shipped]",
        "[1;2", "a;b", "%order%", "100,300", "1;5", "tenant-b|number>0", "\\", "/i", "ann/i", "\u00a0", "\uff1d1",
    ];

    private const string MutationAlphabet = "=!<>*^$,|()\\[];:/i%_- .01abAZ\u00a0\uff1d\uff5c\u2223\u0130\u200b\"'";

    private readonly Random _random = new(seed);

    public IEnumerable<string> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return _random.Next(10) switch
            {
                < 4 => Gridify(depth: 0),
                < 6 => Colon(),
                _ => Mutate(FilterCases.Table[_random.Next(FilterCases.Table.Count)].Filter),
            };
        }
    }

    private string Gridify(int depth)
    {
        var terms = _random.Next(1, 4);
        var text = new StringBuilder();
        for (var i = 0; i < terms; i++)
        {
            if (i > 0)
            {
                text.Append(Pick(",", "|", ",", "|", " , ", " | ", ",", "|", "||", ""));
            }

            text.Append(depth < 3 && _random.Next(4) == 0
                ? "(" + Gridify(depth + 1) + Pick(")", ")", ")", ")", ")", "", "))")
                : _random.Next(10) < 7
                    ? Pick(ValidGridifyClauses)
                    : Pick(Fields) + Pick(GridifyOperators) + Pick(Values) + (_random.Next(8) == 0 ? "/i" : ""));
        }

        return text.ToString();
    }

    private string Colon()
    {
        var clauses = Enumerable.Range(0, _random.Next(1, 4))
            .Select(_ => _random.Next(10) < 7
                ? Pick(ValidColonClauses)
                : Pick(Fields) + ":" + Pick(ColonOperators) + (_random.Next(6) == 0 ? "" : ":" + Pick(Values)));
        return string.Join(Pick(",", ",", ",", "|", ", "), clauses);
    }

    private string Mutate(string filter)
    {
        var text = new StringBuilder(filter);
        var mutations = _random.Next(1, 5);
        for (var i = 0; i < mutations; i++)
        {
            var at = _random.Next(text.Length + 1);
            switch (_random.Next(4))
            {
                case 0:
                    text.Insert(at, MutationAlphabet[_random.Next(MutationAlphabet.Length)]);
                    break;
                case 1 when at < text.Length:
                    text.Remove(at, 1);
                    break;
                case 2 when at < text.Length:
                    text[at] = MutationAlphabet[_random.Next(MutationAlphabet.Length)];
                    break;
                default:
                    text.Insert(at, "|" + Pick(Fields) + "=" + Pick(Values));
                    break;
            }
        }

        return text.ToString();
    }

    private string Pick(params string[] options) => options[_random.Next(options.Length)];

    public override string ToString() => seed.ToString(CultureInfo.InvariantCulture);
}
