using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Reference.SharedKernel.Filtering;

namespace Reference.FilteringBenchmarks;

/// <summary>
/// Turning a filter string into a runnable predicate over 24 in-memory rows (Gridify's published setup). All three
/// contenders produce parameterized expressions, as a database needs: the baseline is a hand-written LINQ
/// expression over captured variables (what endpoint code writes), System.Linq.Dynamic.Core runs with
/// <c>UseParameterizedNamesInDynamicQuery</c>, and this module holds values in <see cref="FilterParameter{TValue}"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class FilterCompilationBenchmarks
{
    private static readonly List<BenchOrder> Rows = BenchOrder.Generate(24, tenants: 1);
    private static readonly ParsingConfig DynamicConfig = new()
    {
        ResolveTypesBySimpleName = true,
        UseParameterizedNamesInDynamicQuery = true,
    };

    private string _filter = "";
    private string _dynamic = "";

    [Params(1, 3, 10)]
    public int Clauses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _filter = FilterTexts.Module(Clauses);
        _dynamic = FilterTexts.DynamicLinq(Clauses);
        BenchOrder.Map.ToPredicate(_filter);
    }

    [Benchmark(Baseline = true)]
    public int HandWrittenLinq() => Rows.Count(HandWritten(Clauses).Compile());

    [Benchmark]
    public int ParseTranslateCompile()
    {
        var predicate = FilterTranslator.Translate(FilterParser.Parse(_filter)!, BenchOrder.Map);
        return Rows.Count(predicate.Compile());
    }

    [Benchmark]
    public Expression<Func<BenchOrder, bool>> ParseTranslateOnly() =>
        FilterTranslator.Translate(FilterParser.Parse(_filter)!, BenchOrder.Map);

    [Benchmark]
    public int DynamicLinqParseCompile() =>
        Rows.Count(DynamicExpressionParser.ParseLambda<BenchOrder, bool>(DynamicConfig, false, _dynamic).Compile());

    [Benchmark]
    public Expression<Func<BenchOrder, bool>>? CachedHit() => BenchOrder.Map.ToPredicate(_filter);

    private static Expression<Func<BenchOrder, bool>> HandWritten(int clauses)
    {
        // Variables, not literals, as in an endpoint: the compiler captures them, so EF Core would send parameters.
        var minNumber = 5;
        var maxNumber = 9000;
        var term = "urgent";
        var status = BenchStatus.Active;
        var other = BenchStatus.Shipped;
        var minTotal = 10m;
        var maxTotal = 1900m;
        var from = new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        var prefix = "Customer";
        var excluded = "Customer 7";
        return clauses switch
        {
            1 => o => o.Number > minNumber,
            3 => o => o.Number > minNumber && o.Title != null && o.Title.ToLower().Contains(term) && o.Status == status,
            _ => o => o.Number > minNumber && o.Number < maxNumber && o.Title != null && o.Title.ToLower().Contains(term)
                && (o.Status == status || o.Status == other) && o.Total >= minTotal && o.Total <= maxTotal
                && o.CreatedAt >= from && o.Customer.StartsWith(prefix) && o.Customer != excluded && o.Title != null,
        };
    }
}
