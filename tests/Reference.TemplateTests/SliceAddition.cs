namespace Reference.TemplateTests;

/// <summary>A <c>cqrs-slice</c> generated into a built solution, and the solution's build after it.</summary>
internal sealed record SliceAddition(string SolutionFolder, CommandOutput Instantiation, CommandOutput? Build)
{
    public string PathOf(params string[] parts) => Path.Combine([SolutionFolder, .. parts]);
}
