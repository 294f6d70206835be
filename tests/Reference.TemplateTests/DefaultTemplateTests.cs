namespace Reference.TemplateTests;

/// <summary><c>dotnet new cqrs-ref -n Acme.Shop</c> with no option, then <c>dotnet test</c> in the new folder, as a new user would.</summary>
[Collection(TemplateCollection.Name)]
public sealed class DefaultTemplateTests(TemplateWorkspace workspace)
{
    private Task<GeneratedSolution> SolutionAsync() => workspace.SolutionAsync(TemplateCombination.Defaults);

    [Fact]
    public async Task Instantiation_restores_packages_by_default()
    {
        var solution = await SolutionAsync();

        GeneratedSolutionAssert.Succeeded(solution.Instantiation, "dotnet new cqrs-ref");
        Assert.Contains("Restore succeeded", solution.Instantiation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_solution_builds_without_warnings() => GeneratedSolutionAssert.BuiltWithoutWarnings(await SolutionAsync());

    [Fact]
    public async Task Generated_unit_tests_pass() => GeneratedSolutionAssert.AllPassed(await workspace.DefaultSuiteAsync(), "UnitTests");

    [Fact]
    public async Task Generated_architecture_tests_pass() =>
        GeneratedSolutionAssert.AllPassed(await workspace.DefaultSuiteAsync(), "ArchitectureTests");

    [Fact]
    public async Task Generated_integration_tests_pass_on_postgres() =>
        GeneratedSolutionAssert.AllPassed(await workspace.DefaultSuiteAsync(), "IntegrationTests");

    [Fact]
    public async Task Dotnet_test_in_the_generated_folder_succeeds()
    {
        var suite = await workspace.DefaultSuiteAsync();

        Assert.NotNull(suite);
        GeneratedSolutionAssert.Succeeded(suite.Run, "dotnet test");
    }

    [Fact]
    public async Task No_template_name_survives_in_file_names_or_namespaces() => GeneratedSolutionAssert.HasNoTemplateNameLeft(await SolutionAsync());

    [Fact]
    public async Task Every_feature_folder_of_the_repository_is_kept()
    {
        var solution = await SolutionAsync();
        var repositoryFeatures = Directory.GetDirectories(RepositoryLayout.PathOf("src", "Features"))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"));

        Assert.All(repositoryFeatures, feature => Assert.True(
            Directory.Exists(solution.PathOf("src", "Features", feature!)), $"src/Features/{feature} is missing."));
    }

    [Fact]
    public async Task Production_configuration_uses_postgres_and_mongo() =>
        GeneratedSolutionAssert.ProductionProviders(await SolutionAsync(), persistence: "Postgres", readStore: "Mongo");

    [Fact]
    public async Task Generated_project_is_no_template_and_carries_no_ci_or_template_tests()
    {
        var solution = await SolutionAsync();

        Assert.False(Directory.Exists(solution.PathOf(".template.config")));
        Assert.False(Directory.Exists(solution.PathOf(".ci")));
        Assert.False(Directory.Exists(solution.PathOf("templates")));
        Assert.DoesNotContain("TemplateTests", File.ReadAllText(solution.PathOf($"{solution.Name}.sln")), StringComparison.Ordinal);
    }
}
