namespace Reference.TemplateTests;

/// <summary>Generates, builds and tests one solution from the template for a test class, then deletes it.</summary>
public abstract class TemplateFixture : IAsyncLifetime
{
    private TemplateSandbox? _sandbox;
    private GeneratedSolution? _solution;

    internal TemplateSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("Not initialised.");

    internal GeneratedSolution Solution => _solution ?? throw new InvalidOperationException("Not initialised.");

    protected abstract string SolutionName { get; }

    protected abstract string[] Options { get; }

    public async Task InitializeAsync()
    {
        _sandbox = await TemplateSandbox.CreateAsync();
        _solution = await GeneratedSolution.CreateAsync(_sandbox, SolutionName, Options);
        if (_solution.Build?.Succeeded == true)
        {
            await AfterBuildAsync(_sandbox, _solution);
        }
    }

    public Task DisposeAsync()
    {
        _sandbox?.Dispose();
        return Task.CompletedTask;
    }

    private protected virtual Task AfterBuildAsync(TemplateSandbox sandbox, GeneratedSolution solution) => Task.CompletedTask;
}

/// <summary><c>dotnet new cqrs-ref -n Acme.Shop</c> with default options, plus a <c>cqrs-slice</c> added to it.</summary>
public sealed class DefaultTemplateFixture : TemplateFixture
{
    public const string SliceName = "Invoices";

    internal CommandOutput? SliceInstantiation { get; private set; }

    internal CommandOutput? SliceBuild { get; private set; }

    internal CommandOutput? SliceTests { get; private set; }

    protected override string SolutionName => "Acme.Shop";

    protected override string[] Options => [];

    private protected override async Task AfterBuildAsync(TemplateSandbox sandbox, GeneratedSolution solution)
    {
        SliceInstantiation = await sandbox.NewAsync(solution.Folder, "cqrs-slice", "--name", SliceName, "--root", solution.Name);
        if (!SliceInstantiation.Succeeded)
        {
            return;
        }

        SliceBuild = await DotNet.RunAsync(solution.Folder, "build", solution.TestProject("UnitTests"), "-warnaserror", "-nodeReuse:false");
        if (SliceBuild.Succeeded)
        {
            SliceTests = await DotNet.RunAsync(solution.Folder, "test", solution.TestProject("UnitTests"), "--no-build",
                "--filter", $"FullyQualifiedName~{solution.Name}.UnitTests.{SliceName}");
        }
    }
}

/// <summary><c>dotnet new cqrs-ref -n Contoso.Billing --samples false --read-store postgres --database sqlite --skip-restore</c>.</summary>
public sealed class MinimalTemplateFixture : TemplateFixture
{
    protected override string SolutionName => "Contoso.Billing";

    protected override string[] Options => ["--samples", "false", "--read-store", "postgres", "--database", "sqlite", "--skip-restore"];
}
