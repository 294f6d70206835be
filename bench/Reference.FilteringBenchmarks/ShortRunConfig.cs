using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Reference.FilteringBenchmarks;

/// <summary>One launch, three warm-ups, five measured iterations: the whole suite stays within a few minutes.</summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig() =>
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithId("Short"));
}
