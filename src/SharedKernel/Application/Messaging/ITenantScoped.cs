namespace Reference.SharedKernel.Application.Messaging;

/// <summary>
/// A message that only makes sense inside one tenant. The pipeline refuses to run its handler
/// without a resolved tenant, whichever entry point (HTTP, job, CLI) sent it.
/// </summary>
public interface ITenantScoped;
