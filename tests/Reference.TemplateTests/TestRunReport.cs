using System.Xml.Linq;

namespace Reference.TemplateTests;

/// <summary>The outcome of one test assembly's run, read from the TRX file <c>dotnet test --logger trx</c> wrote.</summary>
internal sealed record TestRunReport(string Assembly, IReadOnlyList<string> Passed, IReadOnlyList<string> Failed, IReadOnlyList<string> Skipped)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Every TRX file under <paramref name="folder"/>, one report per test assembly.</summary>
    public static IReadOnlyList<TestRunReport> ReadAll(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories).Select(Read)]
            : [];

    public static TestRunReport Read(string trxFile)
    {
        var run = XDocument.Load(trxFile).Root!;
        var assembly = run.Descendants(Trx + "UnitTest")
            .Select(test => Path.GetFileNameWithoutExtension((string?)test.Attribute("storage")))
            .FirstOrDefault(name => !string.IsNullOrEmpty(name)) ?? Path.GetFileName(trxFile);
        var results = run.Descendants(Trx + "UnitTestResult")
            .Select(result => (Name: (string?)result.Attribute("testName") ?? "?", Outcome: (string?)result.Attribute("outcome") ?? "?"))
            .ToList();

        // xunit's skipped tests are "NotExecuted"; anything but Passed or NotExecuted (Failed, Error, Timeout, Aborted) failed.
        return new TestRunReport(
            assembly,
            [.. results.Where(r => r.Outcome == "Passed").Select(r => r.Name)],
            [.. results.Where(r => r.Outcome is not ("Passed" or "NotExecuted")).Select(r => $"{r.Name} ({r.Outcome})")],
            [.. results.Where(r => r.Outcome == "NotExecuted").Select(r => r.Name)]);
    }

    public override string ToString() =>
        $"{Assembly}: {Passed.Count} passed, {Failed.Count} failed, {Skipped.Count} skipped";
}
