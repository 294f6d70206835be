using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace Reference.ArchitectureTests;

/// <summary>The SharedKernel is pure C#: the base class library and Mediator.Abstractions, nothing else.</summary>
public sealed class SharedKernelRules
{
    private const string MediatorAbstractions = "Mediator.Abstractions";

    // The Mediator.Abstractions package ships its contracts in an assembly named "Mediator".
    private static readonly string MediatorAbstractionsAssembly = typeof(Mediator.IMessage).Assembly.GetName().Name!;

    [Fact]
    public void SharedKernel_types_use_no_application_framework_or_infrastructure_library()
    {
        // The whitelist lives at assembly level (next tests); this rule names the offending types.
        var result = Types.InAssembly(Solution.SharedKernel)
            .ShouldNot()
            .HaveDependencyOnAny(
                "Microsoft.AspNetCore", "Microsoft.Extensions", "Microsoft.EntityFrameworkCore", "Npgsql", "MongoDB",
                "Hangfire", "StackExchange.Redis", "FluentValidation", "FastEndpoints", "OpenTelemetry",
                Solution.InfrastructureNamespace, Solution.FeaturesNamespace, Solution.WebNamespace)
            .GetResult();

        RuleAssert.Holds(result, "SharedKernel may depend only on the BCL and Mediator.Abstractions");
    }

    [Fact]
    public void SharedKernel_declares_types_only_in_its_own_namespace()
    {
        var outside = Solution.SharedKernel.GetTypes()
            .Where(type => type.Namespace?.StartsWith(Solution.SharedKernelNamespace, StringComparison.Ordinal) != true)
            .Where(type => !IsCompilerGenerated(type))
            .Select(type => type.FullName)
            .ToList();

        Assert.True(outside.Count == 0, $"SharedKernel types outside its namespace: {string.Join(", ", outside)}.");
    }

    [Fact]
    public void SharedKernel_assembly_references_only_framework_assemblies_and_mediator_abstractions()
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

        var foreign = Solution.SharedKernel.GetReferencedAssemblies()
            .Where(reference => reference.Name != MediatorAbstractionsAssembly)
            .Where(reference => !IsFrameworkAssembly(reference, frameworkFolder))
            .Select(reference => reference.Name)
            .ToList();

        Assert.True(foreign.Count == 0, $"SharedKernel references non-framework assemblies: {string.Join(", ", foreign)}.");
    }

    [Fact]
    public void SharedKernel_project_declares_no_reference_but_mediator_abstractions()
    {
        var project = ProjectFile.InSourceFolder()["SharedKernel"];

        Assert.Equal([MediatorAbstractions], project.PackageReferences);
        Assert.Empty(project.ProjectReferences);
        Assert.Empty(project.FrameworkReferences);
    }

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        || type.Name.StartsWith('<')
        || (type.DeclaringType is { } declaringType && IsCompilerGenerated(declaringType));

    // The shared framework is the BCL: an assembly loaded from its folder is part of the runtime, not a package.
    private static bool IsFrameworkAssembly(AssemblyName reference, string frameworkFolder)
    {
        try
        {
            var location = Assembly.Load(reference).Location;
            return Path.GetDirectoryName(location) == frameworkFolder;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }
}
