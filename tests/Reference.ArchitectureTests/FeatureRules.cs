using NetArchTest.Rules;

namespace Reference.ArchitectureTests;

/// <summary>Features talk to SharedKernel ports, never to storage, job or cache libraries.</summary>
public sealed class FeatureRules
{
    private static readonly string[] InfrastructureLibraries =
    [
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
        "MongoDB",
        "Hangfire",
        "StackExchange.Redis",
    ];

    [Fact]
    public void Features_do_not_use_persistence_job_or_cache_libraries()
    {
        var result = Types.InAssembly(Solution.Features)
            .ShouldNot()
            .HaveDependencyOnAny(InfrastructureLibraries)
            .GetResult();

        RuleAssert.Holds(result, "Features must use ports, not EF Core, Npgsql, MongoDB, Hangfire or Redis");
    }

    [Fact]
    public void Features_assembly_does_not_reference_persistence_job_or_cache_libraries() =>
        RuleAssert.DoesNotReference(Solution.Features, InfrastructureLibraries);

    [Fact]
    public void Features_do_not_depend_on_infrastructure_or_web()
    {
        var result = Types.InAssembly(Solution.Features)
            .ShouldNot()
            .HaveDependencyOnAny(Solution.InfrastructureNamespace, Solution.WebNamespace)
            .GetResult();

        RuleAssert.Holds(result, "Features must not depend on Infrastructure or Web");
    }
}
