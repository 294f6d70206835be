using System.Diagnostics.Metrics;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Audit;
using Reference.Infrastructure.Pipeline;
using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Audit;

/// <summary>
/// The audit step and the unit of work of the pipeline (<see cref="AuditBehaviour{TMessage, TResponse}"/> around
/// <see cref="UnitOfWorkBehaviour{TMessage, TResponse}"/>, whose before-commit hook writes the success record, with
/// the real recorder and SQL trail) on each provider, while the audit table is unavailable: fail closed refuses the
/// command, nothing commits and the trail is tried once; fail open commits it and counts the lost record.
/// </summary>
public abstract class AuditFailurePolicyStoreTests(IAuditDatabase database) : IAsyncLifetime
{
    private const string TenantId = "tenant-a";

    private AuditTestHost _host = null!;
    private int _appends;

    public async Task InitializeAsync() => _host = await database.StartFreshAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Fail_closed_refuses_the_command_and_nothing_commits()
    {
        var customerId = Guid.NewGuid();
        using var lost = new MeterCounter();
        await _host.ExecuteAsync("ALTER TABLE audit_log RENAME TO audit_log_offline");

        await Assert.ThrowsAsync<AuditUnavailableException>(() => HandleAsync(new RegisterTestCustomer(customerId), AuditFailurePolicy.FailClosed, lost));

        await _host.ExecuteAsync("ALTER TABLE audit_log_offline RENAME TO audit_log");
        Assert.Null(await _host.InTenantAsync(TenantId, (_, scope) => scope.Customers.GetAsync(customerId)));
        Assert.Equal(0, lost.Total);
        Assert.Equal(1, _appends);
        Assert.Empty(await _host.InTenantAsync(TenantId, (trail, _) => trail.ReadAsync()));
    }

    [Fact]
    public async Task Fail_open_commits_the_command_and_counts_the_lost_record()
    {
        var customerId = Guid.NewGuid();
        using var lost = new MeterCounter();
        await _host.ExecuteAsync("ALTER TABLE audit_log RENAME TO audit_log_offline");

        var result = await HandleAsync(new RegisterTestCustomer(customerId), AuditFailurePolicy.FailOpen, lost);

        await _host.ExecuteAsync("ALTER TABLE audit_log_offline RENAME TO audit_log");
        Assert.True(result.IsSuccess);
        Assert.Equal("Ann", (await _host.InTenantAsync(TenantId, (_, scope) => scope.Customers.GetAsync(customerId)))?.Name);
        Assert.Equal(1, lost.Total);
        Assert.Empty(await _host.SequencesAsync(TenantId));
    }

    [Fact]
    public async Task With_the_table_available_the_record_commits_with_the_change()
    {
        var customerId = Guid.NewGuid();
        using var lost = new MeterCounter();

        await HandleAsync(new RegisterTestCustomer(customerId), AuditFailurePolicy.FailClosed, lost);

        var record = Assert.Single(await _host.InTenantAsync(TenantId, (trail, _) => trail.ReadAsync()));
        Assert.Equal(AuditOutcome.Succeeded, record.Outcome);
        Assert.Equal(1, _appends);
        Assert.Equal(customerId.ToString(), record.Resource?.Id);
        Assert.NotNull(await _host.InTenantAsync(TenantId, (_, scope) => scope.Customers.GetAsync(customerId)));
    }

    private Task<Result> HandleAsync(RegisterTestCustomer command, AuditFailurePolicy policy, MeterCounter lost)
    {
        _host.Options.FailurePolicy = policy;
        return _host.InTenantAsync(TenantId, async (trail, scope) =>
        {
            var tenants = scope.Services.GetRequiredService<ITenantContext>();
            var recorder = new AuditRecorder(
                new CountingTrail(trail, () => Interlocked.Increment(ref _appends)),
                tenants,
                new AmbientCurrentUser(),
                new AmbientCorrelationContext(),
                new HttpContextAccessor(),
                _host.Time,
                Options.Create(_host.Options),
                new AuditMetrics(lost.Factory),
                NullLogger<AuditRecorder>.Instance);
            var audit = new AuditBehaviour<RegisterTestCustomer, Result>(recorder);
            var unitOfWork = new UnitOfWorkBehaviour<RegisterTestCustomer, Result>(scope.UnitOfWork, [new AuditSuccessHook(recorder)]);
            return await audit.Handle(command, (outer, outerToken) => unitOfWork.Handle(outer, async (message, ct) =>
            {
                await scope.Customers.SaveAsync(Customer.Register(message.CustomerId, "Ann", $"{message.CustomerId:N}@example.test", new PostalAddress("Main St", "Springfield")), ct);
                return Result.Success();
            }, outerToken), CancellationToken.None);
        });
    }

    private sealed record RegisterTestCustomer(Guid CustomerId) : ICommand<Result>, IAuditable, ITransactional
    {
        string IAuditable.AuditResourceType => "Customer";

        string? IAuditable.AuditResourceId => CustomerId.ToString();
    }

    /// <summary>The real trail, counting how often the pipeline tries to append to it.</summary>
    private sealed class CountingTrail(IAuditTrail inner, Action appended) : IAuditTrail
    {
        public Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
        {
            appended();
            return inner.AppendAsync(record, cancellationToken);
        }

        public Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence = 0, int maxCount = 100, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(afterSequence, maxCount, cancellationToken);

        public Task<PagedResult<AuditRecord>> ListAsync(ListQuery query, FieldMap<AuditLogEntry> map, ListConstraints<AuditLogEntry> constraints, CancellationToken cancellationToken = default) =>
            inner.ListAsync(query, map, constraints, cancellationToken);

        public Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default) => inner.VerifyAsync(cancellationToken);
    }

    /// <summary>A meter factory of its own, and the lost-record measurements taken from it.</summary>
    private sealed class MeterCounter : IDisposable
    {
        private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        private readonly MeterListener _listener = new();
        private long _total;

        public MeterCounter()
        {
            Factory = _services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == AuditMetrics.RecordsLost && instrument.Meter.Scope == Factory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public IMeterFactory Factory { get; }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose()
        {
            _listener.Dispose();
            _services.Dispose();
        }
    }
}

public sealed class PostgresAuditFailurePolicyStoreTests(PostgresAuditDatabase database)
    : AuditFailurePolicyStoreTests(database), IClassFixture<PostgresAuditDatabase>;

public sealed class SqliteAuditFailurePolicyStoreTests(SqliteAuditDatabase database)
    : AuditFailurePolicyStoreTests(database), IClassFixture<SqliteAuditDatabase>;
