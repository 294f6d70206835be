namespace Reference.SharedKernel.Application.Messaging;

/// <summary>The value is left out of audit details altogether (large or irrelevant payloads).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NotAuditedAttribute : Attribute;
