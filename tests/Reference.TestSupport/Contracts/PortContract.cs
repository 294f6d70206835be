using Microsoft.Extensions.Time.Testing;

namespace Reference.TestSupport.Contracts;

/// <summary>
/// Base of the contracts for ports that stand alone (cache, lock, blobs, ...): one port per test,
/// created by the adapter's subclass and reading time from <see cref="Time"/>.
/// </summary>
public abstract class PortContract<TPort> : IAsyncLifetime
    where TPort : class
{
    private TPort? _port;

    /// <summary>The clock adapters must use. Starts at a fixed instant and moves only when a test advances it.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));

    protected TPort Port => _port ?? throw new InvalidOperationException("The port is created in InitializeAsync.");

    /// <summary>Creates the port under test over storage that holds no data of this test yet, reading time from <paramref name="time"/>.</summary>
    protected abstract Task<TPort> CreatePortAsync(TimeProvider time);

    public async Task InitializeAsync() => _port = await CreatePortAsync(Time);

    public virtual async Task DisposeAsync()
    {
        switch (_port)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
