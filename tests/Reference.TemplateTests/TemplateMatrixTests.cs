namespace Reference.TemplateTests;

/// <summary>Every combination of <c>--read-store</c>, <c>--database</c> and <c>--samples</c> instantiates and builds warning-free.</summary>
[Collection(TemplateCollection.Name)]
public sealed class TemplateMatrixTests(TemplateWorkspace workspace)
{
    public static TheoryData<string, string, bool> Combinations()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var combination in TemplateCombination.All)
        {
            data.Add(combination.ReadStore, combination.Database, combination.Samples);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Instantiates_and_builds_without_warnings(string readStore, string database, bool samples) =>
        GeneratedSolutionAssert.BuiltWithoutWarnings(await workspace.SolutionAsync(new TemplateCombination(readStore, database, samples)));

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Production_configuration_names_the_chosen_providers(string readStore, string database, bool samples)
    {
        var combination = new TemplateCombination(readStore, database, samples);

        GeneratedSolutionAssert.ProductionProviders(
            await workspace.SolutionAsync(combination), combination.PersistenceProvider, combination.ReadStoreProvider);
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Sample_slices_are_there_exactly_when_asked_for(string readStore, string database, bool samples)
    {
        var solution = await workspace.SolutionAsync(new TemplateCombination(readStore, database, samples));
        GeneratedSolutionAssert.Succeeded(solution.Instantiation, "dotnet new cqrs-ref");

        Assert.Equal(samples, Directory.Exists(solution.PathOf("src", "Features", "Orders")));
        Assert.Equal(samples, Directory.Exists(solution.PathOf("src", "Features", "Customers")));
    }
}
