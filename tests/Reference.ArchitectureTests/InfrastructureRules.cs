using NetArchTest.Rules;

namespace Reference.ArchitectureTests;

/// <summary>Infrastructure implements SharedKernel ports; it knows nothing about the slices or the web host.</summary>
public sealed class InfrastructureRules
{
    [Fact]
    public void Infrastructure_does_not_depend_on_features_or_web()
    {
        var result = Types.InAssembly(Solution.Infrastructure)
            .ShouldNot()
            .HaveDependencyOnAny(Solution.FeaturesNamespace, Solution.WebNamespace)
            .GetResult();

        RuleAssert.Holds(result, "Infrastructure must not depend on Features or Web");
    }

    [Fact]
    public void Infrastructure_assembly_does_not_reference_features_or_web() =>
        RuleAssert.DoesNotReference(Solution.Infrastructure, Solution.FeaturesNamespace, Solution.WebNamespace);
}
