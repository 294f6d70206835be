namespace Reference.TemplateTests;

/// <summary>
/// <c>dotnet new cqrs-ref -n Contoso.Billing --samples false --read-store postgres --database sqlite --skip-restore</c>,
/// then <c>dotnet new cqrs-slice -n Invoices</c> in it, then <c>dotnet test</c>: how a project without the samples starts.
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed class MinimalTemplateTests(TemplateWorkspace workspace)
{
    private const string Slice = TemplateWorkspace.SliceName;

    private Task<GeneratedSolution> SolutionAsync() => workspace.SolutionAsync(TemplateCombination.Minimal);

    [Fact]
    public async Task Skip_restore_skips_the_restore_step()
    {
        var solution = await SolutionAsync();

        GeneratedSolutionAssert.Succeeded(solution.Instantiation, "dotnet new cqrs-ref");
        Assert.DoesNotContain("Restore succeeded", solution.Instantiation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_solution_builds_without_warnings() => GeneratedSolutionAssert.BuiltWithoutWarnings(await SolutionAsync());

    [Fact]
    public async Task No_template_name_survives_in_file_names_or_namespaces() => GeneratedSolutionAssert.HasNoTemplateNameLeft(await SolutionAsync());

    [Fact]
    public async Task Only_the_tenants_and_audit_log_slices_ship_without_the_samples()
    {
        var solution = await SolutionAsync();
        GeneratedSolutionAssert.Succeeded(solution.Instantiation, "dotnet new cqrs-ref");

        var slices = Directory.GetDirectories(solution.PathOf("src", "Features")).Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal);
        var relativeDirectories = Directory.EnumerateDirectories(solution.Folder, "*", SearchOption.AllDirectories)
            .Select(directory => Path.GetRelativePath(solution.Folder, directory).Replace('\\', '/'))
            .ToList();

        Assert.Equal(["AuditLog", "Shared", "Tenants"], slices);
        Assert.DoesNotContain(relativeDirectories, directory => directory.EndsWith("/Orders", StringComparison.Ordinal));
        Assert.DoesNotContain(relativeDirectories, directory => directory.EndsWith("/Customers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_configuration_uses_sqlite_and_the_relational_read_store() =>
        GeneratedSolutionAssert.ProductionProviders(await SolutionAsync(), persistence: "Sqlite", readStore: "Relational");

    [Fact]
    public async Task Slice_template_adds_a_slice_named_from_its_plural_that_builds_without_warnings()
    {
        var slice = await workspace.SliceAsync();

        Assert.NotNull(slice);
        GeneratedSolutionAssert.Succeeded(slice.Instantiation, $"dotnet new cqrs-slice -n {Slice}");
        var folder = slice.PathOf("src", "Features", Slice);
        var command = File.ReadAllText(Path.Combine(folder, "CreateInvoice.cs"));
        Assert.Contains($"namespace {TemplateWorkspace.MinimalName}.Features.{Slice};", command, StringComparison.Ordinal);
        Assert.Contains("record CreateInvoice(", command, StringComparison.Ordinal);
        Assert.Contains("Post(\"/api/invoices\")", File.ReadAllText(Path.Combine(folder, "CreateInvoiceEndpoint.cs")), StringComparison.Ordinal);
        Assert.Contains("[EventType(\"invoices.invoice_created\")]", File.ReadAllText(Path.Combine(folder, "InvoiceCreated.cs")), StringComparison.Ordinal);
        Assert.True(File.Exists(slice.PathOf("tests", $"{TemplateWorkspace.MinimalName}.UnitTests", "Features", Slice, "CreateInvoiceTests.cs")));
        GeneratedSolutionAssert.Succeeded(slice.Build, "dotnet build -warnaserror after adding the slice");
    }

    [Fact]
    public async Task Generated_unit_tests_pass_and_include_the_slice()
    {
        var suite = await workspace.MinimalSuiteAsync();

        GeneratedSolutionAssert.AllPassed(suite, "UnitTests");
        Assert.Contains(suite!.For("UnitTests")!.Passed, test => test.Contains($".Features.{Slice}.CreateInvoiceTests.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generated_architecture_tests_pass() =>
        GeneratedSolutionAssert.AllPassed(await workspace.MinimalSuiteAsync(), "ArchitectureTests");

    [Fact]
    public async Task Generated_integration_tests_pass_on_postgres() =>
        GeneratedSolutionAssert.AllPassed(await workspace.MinimalSuiteAsync(), "IntegrationTests");

    [Fact]
    public async Task Dotnet_test_in_the_generated_folder_succeeds()
    {
        var suite = await workspace.MinimalSuiteAsync();

        Assert.NotNull(suite);
        GeneratedSolutionAssert.Succeeded(suite.Run, "dotnet test");
    }

    [Fact]
    public async Task Help_lists_every_option_with_a_description()
    {
        var help = await workspace.Sandbox.NewAsync(workspace.Sandbox.Output, "cqrs-ref", "--help");

        GeneratedSolutionAssert.Succeeded(help, "dotnet new cqrs-ref --help");
        Assert.Contains("--read-store", help.Output, StringComparison.Ordinal);
        Assert.Contains("--samples", help.Output, StringComparison.Ordinal);
        Assert.Contains("--database", help.Output, StringComparison.Ordinal);
        Assert.Contains("--skip-restore", help.Output, StringComparison.Ordinal);
    }
}
