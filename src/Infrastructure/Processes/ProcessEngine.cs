using Microsoft.Extensions.Logging;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Processes;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Processes;

/// <summary>
/// Runs process definitions against their stored instances, always in the ambient tenant and in one unit of work
/// per change: load the instance, record the incoming event id in its inbox (a redelivery stops here), apply the
/// handler, save the instance at the version it was loaded at (a concurrent change fails the save and the change is
/// retried from a fresh load) and store the commands it decided as pending. Once committed, timeouts are scheduled
/// and the dispatcher is woken to send the commands.
/// </summary>
public sealed partial class ProcessEngine(
    PersistenceSession session,
    ProcessStore store,
    ProcessDefinitions definitions,
    ITenantContext tenants,
    ICorrelationContext correlation,
    IProcessTimeoutScheduler timeouts,
    ProcessSignal signal,
    TimeProvider time,
    ILogger<ProcessEngine> logger) : IProcessStarter
{
    private const int ConflictRetries = 5;

    public async Task<Guid> StartAsync(IProcessDefinition definition, string correlationKey, object start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var tenantId = tenants.RequireTenantId();
        var now = time.GetUtcNow();
        var instance = new ProcessInstance
        {
            Id = Guid.NewGuid(),
            Type = definition.Type,
            CorrelationKey = correlationKey,
            Status = ProcessStatus.Running,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        definition.Start(instance, start, now);
        await using var unitOfWork = await session.BeginAsync(cancellationToken);
        await store.InsertAsync(tenantId, instance, cancellationToken);
        await store.AddCommandsAsync(tenantId, instance.Id, instance.Outgoing, correlation.CorrelationId, now, cancellationToken);
        await AfterCommitAsync(instance, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return instance.Id;
    }

    /// <summary>Hands an event to every process that reacts to it; false when none had an instance for it.</summary>
    public async Task<bool> HandleAsync(ProcessMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var handled = false;
        foreach (var definition in definitions.ReactingTo(message.Type))
        {
            if (definition.Correlate(message) is not { } key)
            {
                continue;
            }

            handled |= await ChangeAsync(
                () => store.FindByKeyAsync(tenants.RequireTenantId(), definition.Type, key, cancellationToken),
                async instance =>
                {
                    if (!await store.TryRecordMessageAsync(tenants.RequireTenantId(), instance.Id, message.MessageId, time.GetUtcNow(), cancellationToken))
                    {
                        LogDuplicate(message.MessageId, definition.Type, key);
                        return false;
                    }

                    definition.Handle(instance, message, time.GetUtcNow());
                    return true;
                },
                cancellationToken);
        }

        return handled;
    }

    /// <summary>Fires a timeout; does nothing when it no longer names a pending timeout of a running instance (it came late).</summary>
    public Task<bool> TimeoutAsync(Guid instanceId, string step, Guid token, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => store.FindAsync(tenants.RequireTenantId(), instanceId, cancellationToken),
            instance =>
            {
                if (instance.Status != ProcessStatus.Running || !instance.TakeTimeout(step, token))
                {
                    return Task.FromResult(false);
                }

                definitions.Of(instance.Type).HandleTimeout(instance, step, time.GetUtcNow());
                return Task.FromResult(true);
            },
            cancellationToken);

    /// <summary>Fires every timeout of the instance that is already due (the recovery job's resume).</summary>
    public async Task<int> FireOverdueAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await store.FindAsync(tenants.RequireTenantId(), instanceId, cancellationToken);
        var fired = 0;
        foreach (var timeout in instance?.Timeouts.Where(t => t.DueAt <= time.GetUtcNow()).ToList() ?? [])
        {
            fired += await TimeoutAsync(instanceId, timeout.Step, timeout.Token, cancellationToken) ? 1 : 0;
        }

        return fired;
    }

    /// <summary>A command of the instance was refused for good: mark it, and let the definition decide (usually: fail and compensate).</summary>
    public Task<bool> RefuseAsync(StoredProcessCommand command, Error error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(error);
        return ChangeAsync(
            () => store.FindAsync(tenants.RequireTenantId(), command.InstanceId, cancellationToken),
            async instance =>
            {
                await store.MarkRefusedAsync(command, $"{error.Code}: {error.Message}", time.GetUtcNow(), cancellationToken);
                definitions.Of(instance.Type).HandleRejection(instance, command.Command, error, time.GetUtcNow());
                return true;
            },
            cancellationToken);
    }

    private async Task<bool> ChangeAsync(Func<Task<ProcessInstance?>> load, Func<ProcessInstance, Task<bool>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var unitOfWork = await session.BeginAsync(cancellationToken);
            var instance = await load();
            if (instance is null || !await change(instance))
            {
                await unitOfWork.CommitAsync(cancellationToken);
                return false;
            }

            var tenantId = tenants.RequireTenantId();
            if (await store.UpdateAsync(tenantId, instance, instance.Version, cancellationToken))
            {
                await store.AddCommandsAsync(tenantId, instance.Id, instance.Outgoing, correlation.CorrelationId, time.GetUtcNow(), cancellationToken);
                await AfterCommitAsync(instance, cancellationToken);
                await unitOfWork.CommitAsync(cancellationToken);
                return true;
            }

            if (attempt >= ConflictRetries || !unitOfWork.IsOwner)
            {
                throw new ConcurrencyConflictException($"process/{instance.Id}", instance.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), instance.Version + 1);
            }

            // Disposing without committing rolls the inbox row back with the lost change; the next attempt reloads.
        }
    }

    private Task AfterCommitAsync(ProcessInstance instance, CancellationToken cancellationToken)
    {
        var scheduled = instance.NewTimeouts.ToList();
        var hasCommands = instance.Outgoing.Count > 0;
        return session.AfterCommitOrNowAsync(
            _ =>
            {
                foreach (var timeout in scheduled)
                {
                    timeouts.Schedule(instance.Id, timeout);
                }

                if (hasCommands)
                {
                    signal.Notify();
                }

                return Task.CompletedTask;
            },
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {MessageId} already handled by {ProcessType}/{CorrelationKey}; skipped")]
    private partial void LogDuplicate(Guid messageId, string processType, string correlationKey);
}
