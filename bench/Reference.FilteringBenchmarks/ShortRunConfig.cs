using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Reference.FilteringBenchmarks;

/// <summary>
/// One launch, three warm-ups and ten 250 ms iterations per case, so the whole suite stays within about five
/// minutes. The median is shown next to the mean because build machines are often shared and noisy. Runs in
/// process: no generated project to build, so a busy machine cannot time the run out before it starts.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Short"));
        AddColumn(StatisticColumn.Median);
    }
}
