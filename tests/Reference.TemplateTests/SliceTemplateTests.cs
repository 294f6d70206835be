using System.Text.RegularExpressions;

namespace Reference.TemplateTests;

/// <summary>
/// How <c>dotnet new cqrs-slice</c> names what it generates: the slice takes the plural name it is given, its
/// aggregate, events and read model the singular, routes kebab-case, permissions and event types snake_case.
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed partial class SliceTemplateTests(TemplateWorkspace workspace)
{
    private const string Root = "Acme.Shop";

    [Theory]
    [InlineData("Invoices", "Invoice", "invoices", "invoice", "invoices", "invoice", "invoice")]
    [InlineData("PurchaseOrders", "PurchaseOrder", "purchase-orders", "purchase-order", "purchase_orders", "purchase_order", "purchaseOrder")]
    [InlineData("Categories", "Category", "categories", "category", "categories", "category", "category")]
    [InlineData("Addresses", "Address", "addresses", "address", "addresses", "address", "address")]
    [InlineData("Batches", "Batch", "batches", "batch", "batches", "batch", "batch")]
    public async Task Every_name_form_derives_from_the_plural_name(
        string name, string singular, string kebabPlural, string kebabSingular, string snakePlural, string snakeSingular, string camelSingular)
    {
        var slice = await GenerateAsync(name);

        var folder = Path.Combine(slice, "src", "Features", name);
        Assert.True(File.Exists(Path.Combine(folder, $"Create{singular}.cs")), $"No Create{singular}.cs in {folder}.");
        Assert.Contains($"namespace {Root}.Features.{name};", Read(folder, $"Create{singular}.cs"), StringComparison.Ordinal);
        Assert.Contains($"Post(\"/api/{kebabPlural}\")", Read(folder, $"Create{singular}Endpoint.cs"), StringComparison.Ordinal);
        Assert.Contains($"WithTags(\"{name}\")", Read(folder, $"Create{singular}Endpoint.cs"), StringComparison.Ordinal);
        Assert.Contains($"[EventType(\"{snakePlural}.{snakeSingular}_created\")]", Read(folder, $"{singular}Created.cs"), StringComparison.Ordinal);
        Assert.Contains($"record {singular}Created(Guid {singular}Id,", Read(folder, $"{singular}Created.cs"), StringComparison.Ordinal);
        Assert.Contains($"base(\"{kebabSingular}-summary\")", Read(folder, $"{singular}SummaryProjection.cs"), StringComparison.Ordinal);
        Assert.Contains($"var {camelSingular}Id = ", Read(folder, $"Create{singular}Handler.cs"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(slice, "tests", $"{Root}.UnitTests", "Features", name, $"Create{singular}Tests.cs")));
        Assert.Empty(Placeholders(slice));
    }

    [Fact]
    public async Task A_singular_given_explicitly_replaces_the_guess()
    {
        var slice = await GenerateAsync("People", "--singular", "Person");

        var folder = Path.Combine(slice, "src", "Features", "People");
        Assert.True(File.Exists(Path.Combine(folder, "CreatePerson.cs")));
        Assert.Contains("Post(\"/api/people\")", Read(folder, "CreatePersonEndpoint.cs"), StringComparison.Ordinal);
        Assert.Contains("[EventType(\"people.person_created\")]", Read(folder, "PersonCreated.cs"), StringComparison.Ordinal);
        Assert.Empty(Placeholders(slice));
    }

    [Fact]
    public async Task The_root_name_replaces_namespace_uses_of_Reference_and_nothing_else()
    {
        var slice = await GenerateAsync("Invoices");
        var template = RepositoryLayout.PathOf("templates", "cqrs-slice");

        // Every "Reference" of the template that is not a namespace prefix (ReferenceApiFactory, say) survives, and
        // every namespace prefix becomes the root name.
        var kept = Directory.EnumerateFiles(template, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => EmbeddedReference().Matches(File.ReadAllText(file)).Select(match => match.Value))
            .ToList();
        var generated = Directory.EnumerateFiles(slice, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.All(kept, identifier => Assert.Contains(generated, text => text.Contains(identifier, StringComparison.Ordinal)));
        Assert.DoesNotContain(generated, text => NamespaceReference().IsMatch(text));
        Assert.DoesNotContain(generated, text => text.Contains($"{Root}ApiFactory", StringComparison.Ordinal));
    }

    private async Task<string> GenerateAsync(string name, params string[] options)
    {
        var folder = Path.Combine(workspace.Sandbox.Root, "slices", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var result = await workspace.Sandbox.NewAsync(folder, ["cqrs-slice", "--name", name, "--root", Root, .. options]);
        GeneratedSolutionAssert.Succeeded(result, $"dotnet new cqrs-slice -n {name}");
        return folder;
    }

    private static string Read(string folder, string file) => File.ReadAllText(Path.Combine(folder, file));

    /// <summary>Any form of the template's placeholder name left in the generated files or their names.</summary>
    private static List<string> Placeholders(string slice) =>
        [.. Directory.EnumerateFiles(slice, "*", SearchOption.AllDirectories)
            .Where(file => Placeholder().IsMatch(file) || Placeholder().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(slice, file))];

    [GeneratedRegex("(?i)sample[-_]?item")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bReference[A-Za-z]+\w*")]
    private static partial Regex EmbeddedReference();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])Reference\.")]
    private static partial Regex NamespaceReference();
}
