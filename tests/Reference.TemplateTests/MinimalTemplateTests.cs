namespace Reference.TemplateTests;

public sealed class MinimalTemplateTests(MinimalTemplateFixture fixture) : IClassFixture<MinimalTemplateFixture>
{
    private GeneratedSolution Solution => fixture.Solution;

    [Fact]
    public void Skip_restore_skips_the_restore_step()
    {
        GeneratedSolutionAssert.Succeeded(Solution.Instantiation, "dotnet new cqrs-ref");
        Assert.DoesNotContain("Restore succeeded", Solution.Instantiation.Output, StringComparison.Ordinal);
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
    public void Sample_slices_and_their_tests_are_left_out_but_the_example_slice_stays()
    {
        var relativeDirectories = Directory.EnumerateDirectories(Solution.Folder, "*", SearchOption.AllDirectories)
            .Select(directory => Path.GetRelativePath(Solution.Folder, directory).Replace('\\', '/'))
            .ToList();

        Assert.DoesNotContain(relativeDirectories, directory => directory.EndsWith("/Orders", StringComparison.Ordinal));
        Assert.DoesNotContain(relativeDirectories, directory => directory.EndsWith("/Customers", StringComparison.Ordinal));
        Assert.True(Directory.Exists(Solution.PathOf("src", "Features", "Example")));
    }

    [Fact]
    public void Production_configuration_uses_sqlite_and_the_relational_read_store() =>
        GeneratedSolutionAssert.ProductionProviders(Solution, persistence: "Sqlite", readStore: "Relational");

    [Fact]
    public async Task Help_lists_every_option_with_a_description()
    {
        var help = await fixture.Sandbox.NewAsync(fixture.Sandbox.Output, "cqrs-ref", "--help");

        GeneratedSolutionAssert.Succeeded(help, "dotnet new cqrs-ref --help");
        Assert.Contains("--read-store", help.Output, StringComparison.Ordinal);
        Assert.Contains("--samples", help.Output, StringComparison.Ordinal);
        Assert.Contains("--database", help.Output, StringComparison.Ordinal);
        Assert.Contains("--skip-restore", help.Output, StringComparison.Ordinal);
    }
}
