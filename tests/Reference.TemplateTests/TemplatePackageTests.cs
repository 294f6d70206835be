namespace Reference.TemplateTests;

/// <summary>
/// <c>dotnet pack template-pack</c> as a maintainer publishes it, then installed from the .nupkg into a
/// private hive as a user installs it.
/// </summary>
public sealed class TemplatePackageTests(TemplatePackageFixture fixture) : IClassFixture<TemplatePackageFixture>
{
    [Fact]
    public void Pack_produces_one_template_package()
    {
        GeneratedSolutionAssert.Succeeded(fixture.Pack, "dotnet pack template-pack");
        Assert.NotNull(fixture.Package);
    }

    [Fact]
    public void Package_holds_both_templates_and_a_readme()
    {
        var entries = fixture.Entries;

        Assert.Contains("content/cqrs-ref/.template.config/template.json", entries);
        Assert.Contains("content/cqrs-slice/.template.config/template.json", entries);
        Assert.Contains("content/cqrs-ref/Reference.sln", entries);
        Assert.Contains("content/cqrs-ref/src/Web/Program.cs", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void Package_carries_only_tracked_sources()
    {
        var leaked = fixture.Entries.Where(entry =>
            entry.Contains("/bin/", StringComparison.Ordinal) ||
            entry.Contains("/obj/", StringComparison.Ordinal) ||
            entry.Contains("/.git/", StringComparison.Ordinal) ||
            entry.StartsWith("content/cqrs-ref/.ci/", StringComparison.Ordinal) ||
            entry.StartsWith("content/cqrs-ref/template-pack/", StringComparison.Ordinal) ||
            entry.StartsWith("content/cqrs-ref/tests/Reference.TemplateTests/", StringComparison.Ordinal) ||
            entry.EndsWith(".db", StringComparison.Ordinal) ||
            entry.EndsWith(".trx", StringComparison.Ordinal));

        Assert.Empty(leaked);
    }

    [Fact]
    public void Installing_the_package_registers_both_short_names()
    {
        GeneratedSolutionAssert.Succeeded(fixture.Install, "dotnet new install <nupkg>");
        Assert.Contains("cqrs-ref", fixture.Install!.Output, StringComparison.Ordinal);
        Assert.Contains("cqrs-slice", fixture.Install.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_of_the_installed_template_lists_every_option()
    {
        GeneratedSolutionAssert.Succeeded(fixture.Help, "dotnet new cqrs-ref --help");
        foreach (var option in new[] { "--read-store", "--samples", "--database", "--skip-restore" })
        {
            Assert.Contains(option, fixture.Help!.Output, StringComparison.Ordinal);
        }
    }
}
