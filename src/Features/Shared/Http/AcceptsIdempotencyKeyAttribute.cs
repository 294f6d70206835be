namespace Reference.Features.Shared.Http;

/// <summary>Endpoint metadata: the endpoint accepts an <c>Idempotency-Key</c> header (the OpenAPI document shows it).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AcceptsIdempotencyKeyAttribute : Attribute;
