namespace Reference.SharedKernel.Application.Messaging;

/// <summary>The value is masked wherever a message is recorded (audit details, logs).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SensitiveAttribute : Attribute;
