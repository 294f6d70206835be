using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reference.Infrastructure.Jobs;
using Reference.IntegrationTests.Projections.Support;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.InMemory.ReadModels;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Projections;

/// <summary>Hangfire jobs run in the tenant and correlation they were enqueued in, and see only that tenant's read models.</summary>
public sealed class JobTenancyTests
{
    [Fact]
    public async Task A_job_enqueued_for_tenant_A_runs_as_A_and_cannot_see_Bs_documents()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Services.AddSingleton<ITenantContext, AmbientTenantContext>();
        builder.Services.AddSingleton<ICorrelationContext, AmbientCorrelationContext>();
        builder.Services.AddSingleton<ICheckpointStore, InMemoryCheckpointStore>();
        builder.Services.AddSingleton<IReadModelStore<Counter>, InMemoryReadModelStore<Counter>>();
        builder.Services.AddSingleton<TenantProbe>();
        builder.Services.AddSingleton<TenantProbeJob>();
        builder.Services.AddJobs(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();

        var store = host.Services.GetRequiredService<IReadModelStore<Counter>>();
        await store.CommitAsync(new ReadModelBatch<Counter>(1,
        [
            new ReadModelWrite<Counter>(new ReadModelKey("acme", "shared-id"), new Counter { Total = 1 }, new LogPosition(1, 1)),
            new ReadModelWrite<Counter>(new ReadModelKey("globex", "shared-id"), new Counter { Total = 2 }, new LogPosition(1, 2)),
            new ReadModelWrite<Counter>(new ReadModelKey("globex", "globex-only"), new Counter { Total = 3 }, new LogPosition(1, 3)),
        ], Checkpoint: null));

        var tenants = host.Services.GetRequiredService<ITenantContext>();
        var correlation = host.Services.GetRequiredService<ICorrelationContext>();
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        string jobId;
        using (tenants.BeginScope("acme"))
        using (correlation.BeginScope("corr-acme-1"))
        {
            jobId = jobs.Enqueue<TenantProbeJob>(j => j.RunAsync("probe-1"));
        }

        var probe = host.Services.GetRequiredService<TenantProbe>();
        var seen = await Eventually.ReturnsAsync(() => Task.FromResult(probe.Seen.GetValueOrDefault("probe-1")), s => s is not null, TimeSpan.FromSeconds(30));

        Assert.Equal("acme", seen!.TenantId);
        Assert.Equal("corr-acme-1", seen.CorrelationId);
        Assert.Equal(1, seen.SharedTotal);
        Assert.False(seen.SawGlobexOnly);
        Assert.Equal(1, seen.Count);
        Assert.NotNull(jobId);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_job_enqueued_without_a_tenant_fails_closed_on_tenant_scoped_reads()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Services.AddSingleton<ITenantContext, AmbientTenantContext>();
        builder.Services.AddSingleton<ICorrelationContext, AmbientCorrelationContext>();
        builder.Services.AddSingleton<ICheckpointStore, InMemoryCheckpointStore>();
        builder.Services.AddSingleton<IReadModelStore<Counter>, InMemoryReadModelStore<Counter>>();
        builder.Services.AddSingleton<TenantProbe>();
        builder.Services.AddSingleton<TenantProbeJob>();
        builder.Services.AddJobs(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();

        host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<TenantProbeJob>(j => j.RunAsync("probe-2"));

        var probe = host.Services.GetRequiredService<TenantProbe>();
        var failure = await Eventually.ReturnsAsync(() => Task.FromResult(probe.Failures.GetValueOrDefault("probe-2")), f => f is not null, TimeSpan.FromSeconds(30));
        Assert.IsType<TenantRequiredException>(failure);
        await host.StopAsync();
    }
}

/// <summary>Records what a job saw of its ambient context.</summary>
public sealed class TenantProbe
{
    public ConcurrentDictionary<string, ProbeResult> Seen { get; } = new();

    public ConcurrentDictionary<string, Exception> Failures { get; } = new();
}

public sealed record ProbeResult(string? TenantId, string CorrelationId, int? SharedTotal, bool SawGlobexOnly, int Count);

public sealed class TenantProbeJob(TenantProbe probe, ITenantContext tenants, ICorrelationContext correlation, IReadModelStore<Counter> counters)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string name)
    {
        try
        {
            var shared = await counters.GetAsync("shared-id");
            var globexOnly = await counters.GetAsync("globex-only");
            var count = await counters.CountAsync(q => q);
            probe.Seen[name] = new ProbeResult(tenants.TenantId, correlation.CorrelationId, shared?.Total, globexOnly is not null, count);
        }
        catch (TenantRequiredException ex)
        {
            probe.Failures[name] = ex;
        }
    }
}
