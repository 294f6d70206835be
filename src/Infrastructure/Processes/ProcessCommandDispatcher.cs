using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Processes;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Processes;

/// <summary>
/// Sends the pending commands of every instance through the mediator, so they pass the whole pipeline (tenancy,
/// authorization, validation, audit, unit of work) like any other command. Each runs in its instance's tenant and
/// correlation, as <c>system:process/&lt;type&gt;</c>, in a DI scope of its own. A success marks the command dispatched;
/// a conflict or an outage is retried with back-off (receivers are idempotent); any other failure is a refusal the
/// instance's definition reacts to (usually by compensating). An instance's commands go out one at a time, in order.
/// </summary>
public sealed partial class ProcessCommandDispatcher(
    IServiceScopeFactory scopes,
    ProcessCommandCatalog catalog,
    ITenantContext tenants,
    ICorrelationContext correlation,
    ICurrentUser currentUser,
    IOptions<ProcessesOptions> options,
    TimeProvider time,
    ILogger<ProcessCommandDispatcher> logger)
{
    /// <summary>One pass; returns how many commands it claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredProcessCommand> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = time.GetUtcNow();
            due = await scope.ServiceProvider.GetRequiredService<ProcessStore>()
                .ClaimDueAsync(now, now + options.Value.Lease, options.Value.BatchSize, cancellationToken);
        }

        foreach (var command in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await DispatchAsync(command, cancellationToken);
        }

        return due.Count;
    }

    private async Task DispatchAsync(StoredProcessCommand command, CancellationToken cancellationToken)
    {
        using var tenantScope = tenants.BeginScope(command.TenantId);
        using var correlationScope = correlation.BeginScope(command.CorrelationId, command.Id.ToString("N"));
        using var userScope = currentUser.BeginScope(ProcessPrincipal.For(command.ProcessType, command.TenantId));
        var outcome = await SendAsync(command, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ProcessStore>();
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case { Error: null }:
                await store.MarkDispatchedAsync(command, now, cancellationToken);
                await store.SettleAsync(command.TenantId, command.InstanceId, now, cancellationToken);
                break;
            case { Transient: true } when command.Attempts + 1 < options.Value.MaxAttempts:
                var retryAt = now + Backoff(command.Attempts);
                LogRetry(command.Command.Name, command.InstanceId, command.Attempts + 1, outcome.Error.Code);
                await store.MarkRetryAsync(command, $"{outcome.Error.Code}: {outcome.Error.Message}", now, retryAt, cancellationToken);
                break;
            default:
                LogRefused(command.Command.Name, command.InstanceId, outcome.Error.Code);
                await scope.ServiceProvider.GetRequiredService<ProcessEngine>().RefuseAsync(command, outcome.Error, cancellationToken);
                await store.SettleAsync(command.TenantId, command.InstanceId, now, cancellationToken);
                break;
        }
    }

    private async Task<Outcome> SendAsync(StoredProcessCommand command, CancellationToken cancellationToken)
    {
        if (catalog.Find(command.Command.Name) is not { } type)
        {
            return new Outcome(new Error("process.unknown_command", $"No command is named '{command.Command.Name}'.", ErrorKind.Validation), Transient: false);
        }

        try
        {
            var message = JsonSerializer.Deserialize(command.Command.Payload, type, ProcessJson.Options)
                ?? throw new JsonException($"Command {command.Command.Name} has an empty payload.");
            await using var scope = scopes.CreateAsyncScope();
            var response = await scope.ServiceProvider.GetRequiredService<ISender>().Send(message, cancellationToken);
            return response is Result { Error: { } error }
                ? new Outcome(error, error.Kind is ErrorKind.Conflict or ErrorKind.NotYetConsistent or ErrorKind.Unavailable)
                : new Outcome(null, Transient: false);
        }
        catch (JsonException ex)
        {
            return new Outcome(new Error("process.unreadable_command", ex.Message, ErrorKind.Validation), Transient: false);
        }
        catch (ConcurrencyConflictException ex)
        {
            return new Outcome(Error.Conflict("process.command_conflict", ex.Message), Transient: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(command.Command.Name, command.InstanceId, ex);
            return new Outcome(new Error("process.command_failed", ex.Message, ErrorKind.Unavailable), Transient: true);
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts, 0, 20));
        return TimeSpan.FromTicks((long)Math.Min(options.Value.RetryBackoff.Ticks * factor, TimeSpan.FromSeconds(30).Ticks));
    }

    private sealed record Outcome(Error? Error, bool Transient);

    [LoggerMessage(Level = LogLevel.Information, Message = "Process command {Command} of {InstanceId} failed transiently (attempt {Attempt}, {Code}); retrying")]
    private partial void LogRetry(string command, Guid instanceId, int attempt, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Process command {Command} of {InstanceId} was refused ({Code})")]
    private partial void LogRefused(string command, Guid instanceId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Process command {Command} of {InstanceId} threw")]
    private partial void LogFailed(string command, Guid instanceId, Exception error);
}
