namespace Reference.TemplateTests;

public sealed class DefaultTemplateTests(DefaultTemplateFixture fixture) : IClassFixture<DefaultTemplateFixture>
{
    private GeneratedSolution Solution => fixture.Solution;

    [Fact]
    public void Instantiation_restores_packages_by_default()
    {
        GeneratedSolutionAssert.Succeeded(Solution.Instantiation, "dotnet new cqrs-ref");
        Assert.Contains("Restore succeeded", Solution.Instantiation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_solution_builds_without_warnings() => GeneratedSolutionAssert.BuiltWithoutWarnings(Solution);

    [Fact]
    public void Generated_unit_tests_pass() => GeneratedSolutionAssert.TestsPassed(Solution.UnitTests, "unit tests");

    [Fact]
    public void Generated_architecture_tests_pass() =>
        GeneratedSolutionAssert.TestsPassed(Solution.ArchitectureTests, "architecture tests");

    [Fact]
    public void No_template_name_survives_in_file_names_or_namespaces() => GeneratedSolutionAssert.HasNoTemplateNameLeft(Solution);

    [Fact]
    public void Every_feature_folder_of_the_repository_is_kept()
    {
        var repositoryFeatures = Directory.GetDirectories(RepositoryLayout.PathOf("src", "Features"))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"));

        Assert.All(repositoryFeatures, feature => Assert.True(
            Directory.Exists(Solution.PathOf("src", "Features", feature!)), $"src/Features/{feature} is missing."));
    }

    [Fact]
    public void Production_configuration_uses_postgres_and_mongo() =>
        GeneratedSolutionAssert.ProductionProviders(Solution, persistence: "Postgres", readStore: "Mongo");

    [Fact]
    public void Generated_project_is_no_template_and_carries_no_ci_or_template_tests()
    {
        Assert.False(Directory.Exists(Solution.PathOf(".template.config")));
        Assert.False(Directory.Exists(Solution.PathOf(".ci")));
        Assert.False(Directory.Exists(Solution.PathOf("templates")));
        Assert.DoesNotContain("TemplateTests", File.ReadAllText(Solution.PathOf($"{Solution.Name}.sln")), StringComparison.Ordinal);
    }

    [Fact]
    public void Slice_template_adds_a_slice_that_builds_and_whose_test_passes()
    {
        GeneratedSolutionAssert.Succeeded(fixture.SliceInstantiation, "dotnet new cqrs-slice");
        var slice = Solution.PathOf("src", "Features", DefaultTemplateFixture.SliceName);
        Assert.True(File.Exists(Path.Combine(slice, $"Create{DefaultTemplateFixture.SliceName}Handler.cs")));
        Assert.True(File.Exists(Path.Combine(slice, $"Create{DefaultTemplateFixture.SliceName}Endpoint.cs")));
        Assert.Contains($"namespace {Solution.Name}.Features.{DefaultTemplateFixture.SliceName};",
            File.ReadAllText(Path.Combine(slice, $"Create{DefaultTemplateFixture.SliceName}.cs")), StringComparison.Ordinal);

        GeneratedSolutionAssert.Succeeded(fixture.SliceBuild, "build after adding the slice");
        GeneratedSolutionAssert.TestsPassed(fixture.SliceTests, "the slice's unit tests");
    }
}
