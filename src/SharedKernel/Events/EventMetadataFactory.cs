using System.Diagnostics;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Identity;

namespace Reference.SharedKernel.Events;

/// <summary>Stamps event metadata from the ambient correlation, user and trace, never from domain code.</summary>
public sealed class EventMetadataFactory(ICorrelationContext correlation, ICurrentUser currentUser)
{
    public EventMetadata Create()
    {
        var principal = currentUser.Principal;
        return new EventMetadata(
            correlation.CorrelationId,
            correlation.CausationId,
            principal.IsAuthenticated ? principal.UserId : null,
            Activity.Current?.TraceId.ToString());
    }
}
