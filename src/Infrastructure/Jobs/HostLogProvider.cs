using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Reference.Infrastructure.Jobs;

/// <summary>
/// Hangfire logs through one process-wide provider, which every host that starts replaces with its own.
/// When that host is disposed while another keeps running in the same process (tests, a worker beside a
/// web host), its logger factory is gone: this provider then hands out a silent log instead of failing
/// the other host's job creation with <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
