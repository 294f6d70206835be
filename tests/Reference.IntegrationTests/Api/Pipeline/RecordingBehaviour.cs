using System.Collections.Concurrent;
using System.Diagnostics;
using Mediator;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Api.Pipeline;

/// <summary>What the innermost step saw when the handler was about to run.</summary>
public sealed record HandlerContext(string MessageType, string? Activity, string? TenantId, bool TransactionActive);

/// <summary>Collects <see cref="HandlerContext"/>s, one per message that reached its handler.</summary>
public sealed class HandlerContextRecorder
{
    public ConcurrentQueue<HandlerContext> Seen { get; } = new();
}

/// <summary>
/// Added after the application's behaviours, so it is the innermost: the ambient state it sees
/// is what every outer step established (activity, tenant, transaction).
/// </summary>
public sealed class RecordingBehaviour<TMessage, TResponse>(HandlerContextRecorder recorder, ITenantContext tenant, IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        recorder.Seen.Enqueue(new HandlerContext(typeof(TMessage).Name, Activity.Current?.OperationName, tenant.TenantId, unitOfWork.IsActive));
        return next(message, cancellationToken);
    }
}
