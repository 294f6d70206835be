using System.CommandLine;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Reference.Features.AuditLog.VerifyAuditChain;
using Reference.Features.Tenants.CreateTenant;
using Reference.Features.Tenants.DeactivateTenant;
using Reference.Features.Tenants.ListTenants;
using Reference.Features.Tenants.ReactivateTenant;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.MultiTenancy;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore;
using Reference.Infrastructure.ReadStore.Relational;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Web.Cli;

/// <summary>
/// The management commands (<c>dotnet run --project src/Web -- &lt;command&gt;</c>). Each builds the application's
/// services without starting the host and calls the same services the operator endpoints use. Exit codes: 0 done,
/// 1 failed, 2 usage error (an unknown command included).
/// </summary>
public static class ReferenceCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>Whether <paramref name="args"/> name a command; anything else (none, or host options such as <c>--urls</c>) starts the web host.</summary>
    public static bool IsCommand(string[] args) =>
        args is [var first, ..] && (!first.StartsWith('-') || first is "--help" or "-h" or "-?");

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CliSettings? settings = null, CancellationToken cancellationToken = default)
    {
        var root = Build(settings ?? CliSettings.Default, output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await error.WriteLineAsync("Run with --help to see the commands.");
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
    }

    private static RootCommand Build(CliSettings settings, TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON only on stdout (logs go to stderr).", Recursive = true };
        var root = new RootCommand("Reference management commands. Without a command the web host starts.");
        root.Options.Add(json);

        Command Leaf(string name, string description, Func<Context, Task> run, params Symbol[] symbols)
        {
            var command = new Command(name, description);
            foreach (var symbol in symbols)
            {
                switch (symbol)
                {
                    case Argument argument:
                        command.Arguments.Add(argument);
                        break;
                    case Option option:
                        command.Options.Add(option);
                        break;
                }
            }

            command.SetAction((parse, ct) => ExecuteAsync(settings, new CliOutput(output, error, parse.GetValue(json)), parse, run, ct));
            return command;
        }

        root.Subcommands.Add(Leaf("migrate", "Brings every database schema up to date (write side, tenants, audit, projections, read models).", MigrateAsync));

        var projection = new Argument<string>("name") { Description = "The projection's name (see projections list)." };
        var wait = new Option<bool>("--wait") { Description = "Run the rebuild here and wait for it, with progress on stderr, instead of enqueueing it." };
        var projections = new Command("projections", "Projection status and rebuilds.");
        projections.Subcommands.Add(Leaf("list", "Lists every projection generation with status, position, lag and rebuild progress.", ListProjectionsAsync));
        projections.Subcommands.Add(Leaf("rebuild", "Starts a zero-downtime rebuild of one projection.", c => RebuildAsync(c, c.Parse.GetValue(projection)!, c.Parse.GetValue(wait)), projection, wait));
        root.Subcommands.Add(projections);

        var tenant = new Option<string>("--tenant") { Description = "The tenant whose rows to act on." };
        var requiredTenant = new Option<string>("--tenant") { Description = "The tenant whose rows to act on.", Required = true };
        var messageId = new Argument<Guid?>("id") { Description = "The dead-lettered message's id.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Every dead letter of the tenant." };
        var outbox = new Command("outbox", "The transactional outbox: dead letters and their re-drive.");
        outbox.Subcommands.Add(Leaf("status", "Counts the outbox dead letters of every tenant.", OutboxStatusAsync));
        outbox.Subcommands.Add(Leaf("dead-letters", "Lists outbox dead letters (at most 100), of one tenant or of every tenant.", c => DeadLettersAsync(c, c.Parse.GetValue(tenant)), tenant));
        outbox.Subcommands.Add(Leaf("redrive", "Makes one dead letter (by id) or every one (--all) of a tenant due again.", c => RedriveAsync(c, c.Parse.GetValue(messageId), c.Parse.GetValue(all), c.Parse.GetValue(requiredTenant)!), messageId, all, requiredTenant));
        root.Subcommands.Add(outbox);

        var audit = new Command("audit", "The audit trail.");
        audit.Subcommands.Add(Leaf("verify", "Walks a tenant's hash chain and reports the first broken link (exit 1 when broken).", c => VerifyAuditAsync(c, c.Parse.GetValue(requiredTenant)!), requiredTenant));
        root.Subcommands.Add(audit);

        var id = new Argument<string>("id") { Description = "The tenant id." };
        var name = new Option<string>("--name") { Description = "The tenant's display name.", Required = true };
        var tenants = new Command("tenants", "Tenant administration.");
        tenants.Subcommands.Add(Leaf("list", "Lists every tenant of every store.", c => QueryAsync(c, new ListTenants())));
        tenants.Subcommands.Add(Leaf("create", "Adds a tenant to the database store.", c => CommandAsync(c, new CreateTenant(c.Parse.GetValue(id)!, c.Parse.GetValue(name)!, new Dictionary<string, string>())), id, name));
        tenants.Subcommands.Add(Leaf("deactivate", "Deactivates a database tenant: its requests are refused, its data kept.", c => CommandAsync(c, new DeactivateTenant(c.Parse.GetValue(id)!)), id));
        tenants.Subcommands.Add(Leaf("reactivate", "Reactivates a deactivated tenant.", c => CommandAsync(c, new ReactivateTenant(c.Parse.GetValue(id)!)), id));
        root.Subcommands.Add(tenants);
        return root;
    }

    private static async Task<int> ExecuteAsync(CliSettings settings, CliOutput output, ParseResult parse, Func<Context, Task> run, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = CliHost.Build(settings);
            await using var scope = app.Services.CreateAsyncScope();
            using var user = scope.ServiceProvider.GetRequiredService<ICurrentUser>().BeginScope(CliHost.Operator);
            await run(new Context(scope.ServiceProvider, output, parse, cancellationToken));
            return Success;
        }
        catch (CliFailureException e)
        {
            await output.Error.WriteLineAsync(e.Message);
            return Failure;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await output.Error.WriteLineAsync($"{e.GetType().Name}: {e.Message}");
            return Failure;
        }
    }

    private static async Task MigrateAsync(Context c)
    {
        await c.Services.GetRequiredService<PersistenceMigrator>().MigrateAsync(c.Cancellation);
        if (c.Services.GetService<IDbContextFactory<ReadModelDbContext>>() is { } readModels)
        {
            await new ReadStoreSchemaInitializer(readModels).StartAsync(c.Cancellation);
        }

        c.Output.Message("Every schema is up to date.");
        if (c.Output.IsJson)
        {
            c.Output.Write(new { migrated = true });
        }
    }

    private static async Task ListProjectionsAsync(Context c)
    {
        var checkpoints = await c.Services.GetRequiredService<ICheckpointStore>().ListAsync(cancellationToken: c.Cancellation);
        var metrics = c.Services.GetRequiredService<ProjectionMetrics>();
        var now = c.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var views = checkpoints.Select(cp => ProjectionStatusView.Of(cp, metrics, now)).ToList();
        if (c.Output.IsJson)
        {
            c.Output.Write(views);
            return;
        }

        c.Output.Write(views.Select(v => new { v.Projection, v.Generation, v.Status, v.Position, v.EventsProcessed, Progress = v.RebuildProgress, v.LagEvents, v.LastError }));
    }

    private static async Task RebuildAsync(Context c, string projection, bool wait)
    {
        if (c.Services.GetServices<IProjectionRunner>().All(r => r.Projection.Name != projection))
        {
            throw new CliFailureException($"There is no projection '{projection}'. Run 'projections list' to see them.");
        }

        using var system = c.Services.GetRequiredService<ITenantContext>().BeginSystemScope();
        if (!wait)
        {
            var jobId = c.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProjectionJobs>(j => j.RebuildAsync(projection, CancellationToken.None));
            c.Output.Message($"Rebuild of {projection} enqueued as job {jobId}; follow it with 'projections list'.");
            if (c.Output.IsJson)
            {
                c.Output.Write(new { projection, jobId });
            }

            return;
        }

        var rebuilder = c.Services.GetRequiredService<ProjectionRebuilder>();
        var generation = await rebuilder.StartAsync(projection, c.Cancellation);
        using var progress = new CancellationTokenSource();
        var reporter = ReportProgressAsync(c, projection, generation, progress.Token);
        try
        {
            await rebuilder.RunAsync(projection, generation, c.Cancellation);
        }
        finally
        {
            await progress.CancelAsync();
            await reporter;
        }

        var done = (await c.Services.GetRequiredService<ICheckpointStore>().ListAsync(projection, c.Cancellation)).Single(cp => cp.Generation == generation);
        await c.Output.Error.WriteLineAsync();
        c.Output.Message($"Rebuilt {projection} as generation {generation}: {done.EventsProcessed} events, status {done.Status}.");
        if (c.Output.IsJson)
        {
            c.Output.Write(new { projection, generation, status = done.Status.ToString(), done.EventsProcessed });
        }
    }

    // A progress line with rate and estimate on stderr, redrawn in place, so stdout stays the result.
    private static async Task ReportProgressAsync(Context c, string projection, int generation, CancellationToken stop)
    {
        var checkpoints = c.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await using (checkpoints)
        {
            var store = checkpoints.ServiceProvider.GetRequiredService<ICheckpointStore>();
            var started = DateTimeOffset.UtcNow;
            while (!stop.IsCancellationRequested)
            {
                var cp = (await store.ListAsync(projection, CancellationToken.None)).FirstOrDefault(x => x.Generation == generation);
                if (cp is { RebuildTotal: { } total })
                {
                    var elapsed = (DateTimeOffset.UtcNow - started).TotalSeconds;
                    var rate = elapsed > 0 ? cp.EventsProcessed / elapsed : 0;
                    var share = total == 0 ? 1 : Math.Min(1, (double)cp.EventsProcessed / total);
                    var eta = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - cp.EventsProcessed) / rate) : (TimeSpan?)null;
                    var bar = new string('#', (int)(share * 30)).PadRight(30, '.');
                    await c.Output.Error.WriteAsync($"\r[{bar}] {share:P0} {cp.EventsProcessed}/{total} events, {rate:F0}/s, ETA {eta?.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "?"}   ");
                }

                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static IOutboxMaintenance Outbox(Context c) =>
        c.Services.GetService<IOutboxMaintenance>() ?? throw new CliFailureException("This configuration has no relational write side, so no outbox.");

    private static async Task OutboxStatusAsync(Context c)
    {
        using var system = c.Services.GetRequiredService<ITenantContext>().BeginSystemScope();
        var deadLetters = await Outbox(c).ListDeadLettersAsync(new ListQuery(PageSize: 100), c.Cancellation);
        var status = new { deadLetters = deadLetters.TotalCount, tenants = deadLetters.Items.GroupBy(d => d.TenantId).Select(g => new { tenant = g.Key, deadLetters = g.Count() }).ToList() };
        if (c.Output.IsJson)
        {
            c.Output.Write(status);
            return;
        }

        c.Output.Message($"Outbox dead letters: {status.deadLetters}");
        c.Output.Write(status.tenants);
    }

    private static async Task DeadLettersAsync(Context c, string? tenant)
    {
        var tenants = c.Services.GetRequiredService<ITenantContext>();
        using var scope = tenant is null ? tenants.BeginSystemScope() : tenants.BeginScope(await KnownTenantAsync(c, tenant));
        var page = await Outbox(c).ListDeadLettersAsync(new ListQuery(PageSize: 100), c.Cancellation);
        c.Output.Write(page.Items);
    }

    private static async Task RedriveAsync(Context c, Guid? messageId, bool all, string tenant)
    {
        if (messageId is null == !all)
        {
            throw new CliFailureException("Name one dead letter by its id, or pass --all.");
        }

        using var scope = c.Services.GetRequiredService<ITenantContext>().BeginScope(await KnownTenantAsync(c, tenant));
        var outbox = Outbox(c);
        if (all)
        {
            var count = await outbox.RedriveAllAsync(c.Cancellation);
            c.Output.Message($"{count} dead letters of {tenant} are due again.");
            if (c.Output.IsJson)
            {
                c.Output.Write(new { tenant, redriven = count });
            }

            return;
        }

        if (!await outbox.RedriveAsync(messageId!.Value, c.Cancellation))
        {
            throw new CliFailureException($"Tenant {tenant} has no outbox dead letter {messageId}.");
        }

        c.Output.Message($"Dead letter {messageId} is due again.");
        if (c.Output.IsJson)
        {
            c.Output.Write(new { tenant, redriven = 1, messageId });
        }
    }

    private static async Task VerifyAuditAsync(Context c, string tenant)
    {
        using var scope = c.Services.GetRequiredService<ITenantContext>().BeginScope(await KnownTenantAsync(c, tenant));
        var verification = await QueryAsync(c, new VerifyAuditChain());
        if (!verification.IsValid)
        {
            throw new CliFailureException($"The audit chain of {tenant} is broken.");
        }
    }

    private static async Task<string> KnownTenantAsync(Context c, string tenant) =>
        await c.Services.GetRequiredService<ITenantStore>().FindAsync(tenant, c.Cancellation) is { } found
            ? found.Id
            : throw new CliFailureException($"There is no tenant '{tenant}'.");

    private static async Task<T> QueryAsync<T>(Context c, IQuery<Result<T>> query) =>
        Print(c, await c.Services.GetRequiredService<ISender>().Send(query, c.Cancellation));

    private static async Task<T> CommandAsync<T>(Context c, ICommand<Result<T>> command) =>
        Print(c, await c.Services.GetRequiredService<ISender>().Send(command, c.Cancellation));

    private static T Print<T>(Context c, Result<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new CliFailureException($"{result.Error!.Code}: {result.Error.Message}");
        }

        c.Output.Write(result.Value);
        return result.Value;
    }

    private sealed record Context(IServiceProvider Services, CliOutput Output, ParseResult Parse, CancellationToken Cancellation);
}
