using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reference.Infrastructure.Jobs;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.Projections;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Api.Operations;

/// <summary>
/// Hangfire on its production storage, PostgreSQL, inside the running app: a job enqueued for one tenant is
/// stored with that tenant and correlation, runs as that tenant and cannot reach another's data; the
/// recurring jobs are declared in the database and run from it.
/// </summary>
public sealed class PostgresJobStorageTests(PostgresJobsApiFactory app) : IClassFixture<PostgresJobsApiFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_job_enqueued_for_tenant_A_runs_as_A_and_cannot_touch_Bs_dead_letters()
    {
        var destination = $"jobs-test-{Guid.NewGuid():N}";
        var shared = await OutboxRows.InsertDeadLetterAsync(app.ConnectionString, ReferenceApiFactory.Acme, destination);
        await OutboxRows.InsertDeadLetterAsync(app.ConnectionString, ReferenceApiFactory.Globex, destination, shared);
        var globexOnly = await OutboxRows.InsertDeadLetterAsync(app.ConnectionString, ReferenceApiFactory.Globex, destination);

        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        string probeJob, foreignRedrive;
        using (app.Services.GetRequiredService<ITenantContext>().BeginScope(ReferenceApiFactory.Acme))
        using (app.Services.GetRequiredService<ICorrelationContext>().BeginScope("corr-acme-jobs"))
        {
            probeJob = jobs.Enqueue<DeadLetterProbeJob>(j => j.RunAsync(destination, CancellationToken.None));
            foreignRedrive = jobs.Enqueue<OutboxJobs>(j => j.RedriveAsync(globexOnly, CancellationToken.None));
        }

        Assert.Equal("Succeeded", await FinalStateAsync(probeJob));
        Assert.Equal("Succeeded", await FinalStateAsync(foreignRedrive));
        Assert.Equal("\"acme\"", await JobParameterAsync(probeJob, JobContextFilter.TenantParameter));
        Assert.Equal("\"corr-acme-jobs\"", await JobParameterAsync(probeJob, JobContextFilter.CorrelationParameter));

        var run = app.Services.GetRequiredService<DeadLetterProbe>().Runs[destination];
        Assert.Equal((ReferenceApiFactory.Acme, "corr-acme-jobs"), (run.TenantId, run.CorrelationId));
        Assert.Equal([(ReferenceApiFactory.Acme, shared)], run.DeadLetters);

        // The re-drive ran as acme, found no such dead letter (false) and left globex's message alone.
        Assert.Equal("false", SucceededResult(foreignRedrive));
        Assert.Equal(new OutboxRowState(10, Processed: false, DeadLettered: true), await OutboxRows.ReadAsync(app.ConnectionString, ReferenceApiFactory.Globex, globexOnly));

        string ownRedrive;
        using (app.Services.GetRequiredService<ITenantContext>().BeginScope(ReferenceApiFactory.Acme))
        {
            ownRedrive = jobs.Enqueue<OutboxJobs>(j => j.RedriveAsync(shared, CancellationToken.None));
        }

        Assert.Equal("Succeeded", await FinalStateAsync(ownRedrive));
        Assert.Equal("true", SucceededResult(ownRedrive));
        await Eventually.ReturnsAsync(() => OutboxRows.ReadAsync(app.ConnectionString, ReferenceApiFactory.Acme, shared), row => row is { Processed: true }, Deadline);
        Assert.Equal(new OutboxRowState(10, Processed: false, DeadLettered: true), await OutboxRows.ReadAsync(app.ConnectionString, ReferenceApiFactory.Globex, shared));
    }

    [Fact]
    public async Task The_recurring_jobs_are_declared_in_the_database_and_the_outbox_cleanup_runs_from_it()
    {
        var recurring = await QueryAsync<string>("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs'");
        Assert.Contains(OutboxJobs.CleanupJobId, recurring);
        Assert.Contains(ProjectionJobs.CatchUpJobId, recurring);
        Assert.Contains(ProjectionJobs.PurgeRetiredJobId, recurring);

        var destination = $"cleanup-test-{Guid.NewGuid():N}";
        var old = await OutboxRows.InsertProcessedAsync(app.ConnectionString, ReferenceApiFactory.Acme, destination, DateTimeOffset.UtcNow.AddDays(-8));
        var oldOfGlobex = await OutboxRows.InsertProcessedAsync(app.ConnectionString, ReferenceApiFactory.Globex, destination, DateTimeOffset.UtcNow.AddDays(-8));
        var recent = await OutboxRows.InsertProcessedAsync(app.ConnectionString, ReferenceApiFactory.Acme, destination, DateTimeOffset.UtcNow.AddDays(-1));

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(OutboxJobs.CleanupJobId);

        await Eventually.ReturnsAsync(() => OutboxRows.ReadAsync(app.ConnectionString, ReferenceApiFactory.Acme, old), row => row is null, Deadline);
        Assert.Null(await OutboxRows.ReadAsync(app.ConnectionString, ReferenceApiFactory.Globex, oldOfGlobex));
        Assert.NotNull(await OutboxRows.ReadAsync(app.ConnectionString, ReferenceApiFactory.Acme, recent));
    }

    /// <summary>Waits for the job's final state, read from Hangfire's table in PostgreSQL.</summary>
    private async Task<string> FinalStateAsync(string jobId) =>
        (await Eventually.ReturnsAsync(
            async () => (await QueryAsync<string>("SELECT statename FROM hangfire.job WHERE id = @id", ("id", JobKey(jobId)))).SingleOrDefault(),
            state => state is "Succeeded" or "Failed" or "Deleted",
            Deadline))!;

    private async Task<string?> JobParameterAsync(string jobId, string name) =>
        (await QueryAsync<string>(
            "SELECT value FROM hangfire.jobparameter WHERE jobid = @id AND name = @name", ("id", JobKey(jobId)), ("name", name))).SingleOrDefault();

    /// <summary>The job's return value as Hangfire recorded it in the Succeeded state.</summary>
    private string? SucceededResult(string jobId)
    {
        var details = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId);
        return details.History.First(state => state.StateName == "Succeeded").Data.TryGetValue("Result", out var result) ? result : null;
    }

    private static long JobKey(string jobId) => long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<T>> QueryAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
