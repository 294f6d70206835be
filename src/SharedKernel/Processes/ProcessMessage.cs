namespace Reference.SharedKernel.Processes;

/// <summary>An event as a process manager receives it from the outbox: its id (the inbox key), public type and JSON body.</summary>
public sealed record ProcessMessage(Guid MessageId, string Type, string Payload);
