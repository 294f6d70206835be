using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Reference.IntegrationTests.MultiTenancy;

/// <summary>Counts the queries EF Core sends to the database, so tests can tell a cache hit from a round trip.</summary>
public sealed class CountingCommands : DbCommandInterceptor
{
    private int _queries;

    public int Queries => Volatile.Read(ref _queries);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _queries);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
