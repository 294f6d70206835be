using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Reference.SharedKernel.Filtering;

namespace Reference.FilteringBenchmarks;

/// <summary>
/// Turning a filter string into a runnable predicate over 24 in-memory rows (Gridify's published setup): a
/// hand-written LINQ expression compiled and run (baseline), this module, System.Linq.Dynamic.Core, and this
/// module's cache hit.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class FilterCompilationBenchmarks
{
    private static readonly List<BenchOrder> Rows = BenchOrder.Generate(24, tenants: 1);
    private static readonly ParsingConfig DynamicConfig = new() { ResolveTypesBySimpleName = true };

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
    public int DynamicLinqParseCompile() =>
        Rows.Count(DynamicExpressionParser.ParseLambda<BenchOrder, bool>(DynamicConfig, false, _dynamic).Compile());

    [Benchmark]
    public Expression<Func<BenchOrder, bool>>? CachedHit() => BenchOrder.Map.ToPredicate(_filter);

    private static Expression<Func<BenchOrder, bool>> HandWritten(int clauses)
    {
        var from = new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        return clauses switch
        {
            1 => o => o.Number > 5,
            3 => o => o.Number > 5 && o.Title != null && o.Title.ToLower().Contains("urgent") && o.Status == BenchStatus.Active,
            _ => o => o.Number > 5 && o.Number < 9000 && o.Title != null && o.Title.ToLower().Contains("urgent")
                && (o.Status == BenchStatus.Active || o.Status == BenchStatus.Shipped) && o.Total >= 10 && o.Total <= 1900
                && o.CreatedAt >= from && o.Customer.StartsWith("Customer") && o.Customer != "Customer 7" && o.Title != null,
        };
    }
}
