namespace Reference.TemplateTests;

/// <summary><c>dotnet test</c> of a whole generated solution, with one report per test assembly from its TRX files.</summary>
internal sealed record GeneratedTestSuite(CommandOutput Run, IReadOnlyList<TestRunReport> Reports)
{
    /// <summary>The report of the <c>{Name}.{kind}</c> assembly (kind: UnitTests, IntegrationTests, ArchitectureTests).</summary>
    public TestRunReport? For(string kind) =>
        Reports.SingleOrDefault(report => report.Assembly.EndsWith("." + kind, StringComparison.OrdinalIgnoreCase));
}
