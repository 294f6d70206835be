using System.Diagnostics;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Audit;

/// <summary>
/// Verification walks a chain in pages of <c>Audit:VerifyPageSize</c> records, so its memory does not grow with
/// the chain: chains longer than a page verify, and a break is found in whichever page it lies, at its sequence.
/// </summary>
public abstract class AuditVerifyPagingTests(IAuditDatabase database) : IAsyncLifetime
{
    protected const int PageSize = 4;
    protected const string Tenant = "paged";

    protected AuditTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await database.StartFreshAsync();
        Host.Options.VerifyPageSize = PageSize;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(PageSize)]
    [InlineData((2 * PageSize) + 1)]
    [InlineData(3 * PageSize)]
    public async Task A_chain_of_any_length_verifies_across_pages(int records)
    {
        await Host.AppendDailyAsync(Tenant, records);

        Assert.Equal(new AuditChainVerification(true, records, null), await Host.VerifyAsync(Tenant));
    }

    [Fact]
    public async Task An_edit_in_a_late_page_is_found_at_its_sequence()
    {
        await Host.AppendDailyAsync(Tenant, (2 * PageSize) + 2);

        Assert.Equal(1, await Host.ExecuteAsync($"UPDATE audit_log SET record = replace(record, '{Tenant}.action-10', '{Tenant}.covered-up') WHERE tenant_id = '{Tenant}' AND sequence = 10"));

        Assert.Equal(new AuditChainVerification(false, 9, 10), await Host.VerifyAsync(Tenant));
    }

    [Fact]
    public async Task A_deletion_at_a_page_boundary_is_found_at_the_record_after_it()
    {
        await Host.AppendDailyAsync(Tenant, 3 * PageSize);

        Assert.Equal(1, await Host.ExecuteAsync($"DELETE FROM audit_log WHERE tenant_id = '{Tenant}' AND sequence = {PageSize + 1}"));

        Assert.Equal(new AuditChainVerification(false, PageSize, PageSize + 2), await Host.VerifyAsync(Tenant));
    }

    [Fact]
    public async Task A_pruned_chain_verifies_from_its_anchor_across_pages()
    {
        await Host.AppendDailyAsync(Tenant, (2 * PageSize) + 3);

        // Records are days 0..10 and the clock is at day 11: a 7.5-day period expires days 0..3.
        Assert.Equal(4, await Host.Pruner().PruneTenantAsync(Tenant, Host.Time.GetUtcNow() - TimeSpan.FromDays(7.5)));

        Assert.Equal(new AuditChainVerification(true, (2 * PageSize) - 1, null), await Host.VerifyAsync(Tenant));
    }

    [Fact]
    public async Task Other_tenants_records_in_between_do_not_shift_the_pages()
    {
        for (var i = 0; i < 2 * PageSize; i++)
        {
            await Host.AppendAsync(Tenant, $"{Tenant}.action-{i}");
            await Host.AppendAsync("neighbour", $"neighbour.action-{i}");
        }

        Assert.Equal(new AuditChainVerification(true, 2 * PageSize, null), await Host.VerifyAsync(Tenant));
        Assert.Equal(new AuditChainVerification(true, 2 * PageSize, null), await Host.VerifyAsync("neighbour"));
    }
}

public sealed class SqliteAuditVerifyPagingTests(SqliteAuditDatabase database)
    : AuditVerifyPagingTests(database), IClassFixture<SqliteAuditDatabase>;

public sealed class PostgresAuditVerifyPagingTests(PostgresAuditDatabase database)
    : AuditVerifyPagingTests(database), IClassFixture<PostgresAuditDatabase>
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(PageSize - 1, 1)]
    [InlineData(PageSize, 2)]
    [InlineData((3 * PageSize) + 1, 4)]
    public async Task Verification_reads_the_chain_one_page_per_statement(int records, int pageQueries)
    {
        await Host.AppendDailyAsync(Tenant, records);
        using var statements = new PageStatements(Host.DatabaseName);

        Assert.True((await Host.VerifyAsync(Tenant)).IsValid);

        // A full page may be followed by more; a short one is the last.
        Assert.Equal(pageQueries, statements.Count);
    }

    /// <summary>Counts the page queries Npgsql runs on one database, from its own tracing.</summary>
    private sealed class PageStatements : IDisposable
    {
        private readonly ActivityListener _listener;
        private int _count;

        public PageStatements(string database)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    var statement = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string;
                    var on = (activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name")) as string;
                    if (on == database && statement?.Contains("FROM audit_log WHERE tenant_id = @tenant AND sequence > @after", StringComparison.Ordinal) == true
                        && statement.Contains("LIMIT @page", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _count);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
