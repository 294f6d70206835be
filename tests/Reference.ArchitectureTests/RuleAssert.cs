using System.Reflection;
using NetArchTest.Rules;

namespace Reference.ArchitectureTests;

internal static class RuleAssert
{
    /// <summary>Fails with the rule and the names of the types that break it.</summary>
    public static void Holds(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful,
            $"{rule}. Violated by: {string.Join(", ", result.FailingTypeNames ?? [])}");

    /// <summary>Fails when the compiled assembly references any of the given assemblies.</summary>
    public static void DoesNotReference(Assembly assembly, params string[] forbiddenAssemblyPrefixes)
    {
        var offending = assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => forbiddenAssemblyPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        Assert.True(offending.Count == 0,
            $"{assembly.GetName().Name} must not reference {string.Join(", ", offending)}.");
    }
}
