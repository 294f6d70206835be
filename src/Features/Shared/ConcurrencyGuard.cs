using System.Globalization;
using Reference.SharedKernel.Events;

namespace Reference.Features.Shared;

/// <summary>
/// Checks a client's expected version (from <c>If-Match</c>) against the loaded one. A mismatch is
/// the same failure as losing a race at append time, so both surface the same way (412 over HTTP).
/// </summary>
public static class ConcurrencyGuard
{
    public static void EnsureVersion(string resourceId, long? expectedVersion, long actualVersion)
    {
        if (expectedVersion is { } expected && expected != actualVersion)
        {
            throw new ConcurrencyConflictException(resourceId, expected.ToString(CultureInfo.InvariantCulture), actualVersion);
        }
    }
}
