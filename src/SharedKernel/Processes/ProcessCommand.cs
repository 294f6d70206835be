using System.Text.Json;

namespace Reference.SharedKernel.Processes;

/// <summary>
/// A command a process instance sends: the receiving command's public name (<see cref="ProcessCommandAttribute"/>)
/// and its body as JSON. It is stored with the instance in the transaction that decided to send it, then dispatched
/// through the mediator; receiving handlers must be idempotent, because a crash after sending re-sends it.
/// </summary>
public sealed record ProcessCommand(string Name, string Payload)
{
    public static ProcessCommand Create(string name, object payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(payload);
        return new ProcessCommand(name, JsonSerializer.Serialize(payload, payload.GetType(), ProcessJson.Options));
    }
}
