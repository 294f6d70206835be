using System.Reflection;

namespace Reference.ArchitectureTests;

/// <summary>The production assemblies under test, loaded by name so an empty project is still checked.</summary>
internal static class Solution
{
    private const string Root = "Reference";

    public static readonly Assembly SharedKernel = Load("SharedKernel");
    public static readonly Assembly Infrastructure = Load("Infrastructure");
    public static readonly Assembly Features = Load("Features");
    public static readonly Assembly Web = Load("Web");

    public static string SharedKernelNamespace => SharedKernel.GetName().Name!;

    public static string InfrastructureNamespace => Infrastructure.GetName().Name!;

    public static string FeaturesNamespace => Features.GetName().Name!;

    public static string WebNamespace => Web.GetName().Name!;

    private static Assembly Load(string project) => Assembly.Load($"{Root}.{project}");
}
