using Xunit.Abstractions;

namespace Reference.TemplateTests;

/// <summary>
/// One sandbox holding both templates, and from it: every <see cref="TemplateCombination"/> generated and built
/// warning-free, and two solutions whose whole generated test suite runs — the defaults as <c>Acme.Shop</c>, and
/// <c>Contoso.Billing</c> (<see cref="TemplateCombination.Minimal"/>) with a <c>cqrs-slice</c> added. Each piece of
/// work starts when a test first needs it, so a filtered run pays only for what it selects.
/// </summary>
/// <remarks>
/// Eight solution builds from scratch would take most of the CI budget. Combinations are grouped by
/// <c>--samples</c> into two <see cref="SolutionLane"/>s, each under one solution name and built incrementally in
/// one folder; the read-store and database options change configuration, not code, so after a lane's first build
/// the next ones recompile little or nothing. Each lane ends on the solution whose test suite runs.
/// </remarks>
public sealed class TemplateWorkspace(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string DefaultName = "Acme.Shop";
    public const string MinimalName = "Contoso.Billing";
    public const string SliceName = "Invoices";

    private TemplateSandbox? _sandbox;
    private SolutionLane? _samples;
    private SolutionLane? _noSamples;
    private Lazy<Task<IReadOnlyDictionary<TemplateCombination, GeneratedSolution>>>? _samplesBuilt;
    private Lazy<Task<IReadOnlyDictionary<TemplateCombination, GeneratedSolution>>>? _noSamplesBuilt;
    private Lazy<Task<GeneratedTestSuite?>>? _defaultSuite;
    private Lazy<Task<SliceAddition?>>? _slice;
    private Lazy<Task<GeneratedTestSuite?>>? _minimalSuite;

    internal TemplateSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _sandbox = await TemplateSandbox.CreateAsync();

        // The defaults are instantiated as a user would, with no option at all (and so with the restore post-action);
        // every other combination names its options and skips the restore, which its build does anyway.
        _samples = new SolutionLane(_sandbox, diagnostics, DefaultName,
        [
            .. TemplateCombination.All.Where(c => c.Samples && c != TemplateCombination.Defaults).Select(c => (c, SkippingRestore(c))),
            (TemplateCombination.Defaults, []),
        ]);
        _noSamples = new SolutionLane(_sandbox, diagnostics, MinimalName,
        [
            .. TemplateCombination.All.Where(c => !c.Samples && c != TemplateCombination.Minimal).Select(c => (c, SkippingRestore(c))),
            (TemplateCombination.Minimal, SkippingRestore(TemplateCombination.Minimal)),
        ]);
        _samplesBuilt = new(_samples.BuildAllAsync);
        _noSamplesBuilt = new(_noSamples.BuildAllAsync);
        _defaultSuite = new(() => TestFinalAsync(_samples, _samplesBuilt.Value));
        _slice = new(AddSliceAsync);
        _minimalSuite = new(async () => await _slice.Value is { Build.Succeeded: true } ? await _noSamples.TestAsync() : null);
    }

    public Task DisposeAsync()
    {
        _sandbox?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The generated and built solution of <paramref name="combination"/>.</summary>
    internal async Task<GeneratedSolution> SolutionAsync(TemplateCombination combination) =>
        (await (combination.Samples ? _samplesBuilt! : _noSamplesBuilt!).Value)[combination];

    /// <summary>The whole test suite of the default solution; null when it could not be built.</summary>
    internal Task<GeneratedTestSuite?> DefaultSuiteAsync() => _defaultSuite!.Value;

    /// <summary><c>dotnet new cqrs-slice -n Invoices</c> in the minimal solution, and the build after it.</summary>
    internal Task<SliceAddition?> SliceAsync() => _slice!.Value;

    /// <summary>The whole test suite of the minimal solution with the slice added; null when that could not be built.</summary>
    internal Task<GeneratedTestSuite?> MinimalSuiteAsync() => _minimalSuite!.Value;

    private static string[] SkippingRestore(TemplateCombination combination) => [.. combination.Options, "--skip-restore"];

    private static async Task<GeneratedTestSuite?> TestFinalAsync(SolutionLane lane, Task<IReadOnlyDictionary<TemplateCombination, GeneratedSolution>> built) =>
        (await built)[lane.Final].Build?.Succeeded == true ? await lane.TestAsync() : null;

    private async Task<SliceAddition?> AddSliceAsync()
    {
        var lane = _noSamples!;
        if ((await _noSamplesBuilt!.Value)[lane.Final].Build?.Succeeded != true)
        {
            return null;
        }

        var instantiation = await Sandbox.NewAsync(lane.BuildFolder, "cqrs-slice", "--name", SliceName, "--root", lane.Name);
        var build = instantiation.Succeeded
            ? await DotNet.RunAsync(lane.BuildFolder, "build", lane.SolutionFile, "-warnaserror", "-nodeReuse:false")
            : null;
        lane.Report($"cqrs-slice -n {SliceName}: {(build?.Succeeded == true ? "built" : "failed")}");
        return new SliceAddition(lane.BuildFolder, instantiation, build);
    }
}
