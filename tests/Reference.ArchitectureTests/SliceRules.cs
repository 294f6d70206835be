using System.Reflection;
using Mediator;
using NetArchTest.Rules;
using Reference.SharedKernel.Application.Messaging;

namespace Reference.ArchitectureTests;

/// <summary>
/// A slice owns its wiring and stands alone: the composition root names no slice, slices never reach into one another,
/// and every command or query says whether it runs in a tenant or as a platform (system) operation.
/// </summary>
public sealed class SliceRules
{
    private static readonly string SharedFolder = $"{Solution.FeaturesNamespace}.Shared";

    private static readonly Type[] MessageKinds =
    [
        typeof(ITenantCommand<>),
        typeof(ITenantQuery<>),
        typeof(ISystemCommand<>),
        typeof(ISystemQuery<>),
    ];

    /// <summary>Reference.Features.Orders, Reference.Features.Customers, ...: the namespaces one level under Features.</summary>
    private static IReadOnlyList<string> Slices() =>
    [
        .. Solution.Features.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(Solution.FeaturesNamespace + ".", StringComparison.Ordinal))
            .Select(ns => string.Join('.', ns.Split('.').Take(Solution.FeaturesNamespace.Split('.').Length + 1)))
            .Where(ns => ns != SharedFolder)
            .Distinct(StringComparer.Ordinal),
    ];

    [Fact]
    public void The_composition_root_names_no_slice()
    {
        var slices = Slices();
        Assert.NotEmpty(Solution.Features.GetTypes());
        if (slices.Count == 0)
        {
            return;
        }

        // The Mediator source generator's dispatch table (namespace Mediator) lists every handler by design. The interface
        // adapters composed at the root (the GraphQL schema's per-slice types, the management CLI) send the slices' public
        // command and query records through the mediator, as a slice's own endpoints do, and name nothing else.
        var result = Types.InAssembly(Solution.Web)
            .That().DoNotResideInNamespace("Mediator")
            .And().DoNotResideInNamespace("Reference.Web.GraphQL.Orders")
            .And().DoNotResideInNamespace("Reference.Web.GraphQL.Customers")
            .And().DoNotResideInNamespace("Reference.Web.GraphQL.Tenants")
            .And().DoNotResideInNamespace("Reference.Web.Cli")
            .ShouldNot()
            .HaveDependencyOnAny([.. slices])
            .GetResult();

        RuleAssert.Holds(result, "Web must reach slices through FeatureModules and assembly scans, never by name");
    }

    [Fact]
    public void Slices_never_reference_one_another()
    {
        var offenders = new List<string>();
        foreach (var slice in Slices())
        {
            var others = Slices().Where(s => s != slice).ToArray();
            if (others.Length == 0)
            {
                continue;
            }

            var result = Types.InAssembly(Solution.Features)
                .That().ResideInNamespace(slice)
                .ShouldNot().HaveDependencyOnAny(others)
                .GetResult();
            offenders.AddRange(result.FailingTypeNames ?? []);
        }

        Assert.True(offenders.Count == 0, $"Types reaching into another slice: {string.Join(", ", offenders)}.");
    }

    [Fact]
    public void Every_command_and_query_is_a_tenant_or_a_system_message()
    {
        var unmarked = Solution.Features.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Where(t => typeof(IBaseCommand).IsAssignableFrom(t) || typeof(IBaseQuery).IsAssignableFrom(t))
            .Where(t => !t.GetInterfaces().Any(i => i.IsGenericType && MessageKinds.Contains(i.GetGenericTypeDefinition())))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(unmarked.Count == 0, $"Commands or queries that are neither tenant nor system messages: {string.Join(", ", unmarked)}.");
    }

    [Fact]
    public void Every_slice_module_can_be_created_by_the_host()
    {
        var modules = Solution.Features.GetTypes()
            .Where(t => t.GetInterface("IFeatureModule") is not null && t is { IsClass: true, IsAbstract: false })
            .ToList();

        Assert.All(modules, m => Assert.True(
            m.IsSealed && m.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null,
            $"{m.FullName} must be sealed with a public parameterless constructor."));
    }
}
