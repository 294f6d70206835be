using System.Reflection;

namespace Reference.Features;

/// <summary>
/// Anchor for the composition root's assembly scans (endpoints, validators, handlers, event types), so
/// the root names no particular slice and keeps working as slices are added or removed.
/// </summary>
public static class FeaturesAssembly
{
    public static Assembly Assembly { get; } = typeof(FeaturesAssembly).Assembly;
}
