using System.Reflection;

namespace Reference.Features;

/// <summary>
/// Anchor for the composition root's assembly scans (FastEndpoints endpoints, validators, row-access policies,
/// event types, projections and their read models) and for the Mediator source generator, which finds the
/// handlers here at compile time; so the root names no particular slice and keeps working as slices are added
/// or removed.
/// </summary>
public static class FeaturesAssembly
{
    public static Assembly Assembly { get; } = typeof(FeaturesAssembly).Assembly;
}
