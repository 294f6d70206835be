using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace Reference.ArchitectureTests;

/// <summary>The SharedKernel is pure C#: the base class library and Mediator.Abstractions, nothing else.</summary>
public sealed class SharedKernelRules
{
    private const string MediatorAbstractions = "Mediator.Abstractions";

    [Fact]
    public void SharedKernel_types_depend_only_on_the_BCL_and_mediator_abstractions()
    {
        // Helper types the compiler emits (collection expressions, nullable attributes) live outside our
        // namespace; the next rule makes sure nothing else does.
        var result = Types.InAssembly(Solution.SharedKernel)
            .That().ResideInNamespaceStartingWith(Solution.SharedKernelNamespace)
            .Should()
            .OnlyHaveDependenciesOn("System", "Mediator", Solution.SharedKernelNamespace)
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
            .Where(reference => reference.Name != MediatorAbstractions)
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
