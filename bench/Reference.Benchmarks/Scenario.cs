namespace Reference.Benchmarks;

/// <summary>One measured cell: events per append and concurrent writers.</summary>
public sealed record Scenario(int BatchSize, int Writers)
{
    public override string ToString() => $"{BatchSize,3} events x {Writers} writer{(Writers == 1 ? string.Empty : "s")}";
}

/// <summary>A way of appending a batch of events to a writer's stream.</summary>
public interface IAppender : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Creates one writer's state (its stream); called once per writer per scenario.</summary>
    Task<Func<int, Task>> CreateWriterAsync(int writer, int batchSize);
}
