namespace Reference.TemplateTests;

/// <summary>
/// Makes one folder hold exactly the files of another, build output (<c>bin</c>, <c>obj</c>) aside. A file whose
/// bytes did not change is left alone, timestamp included, so MSBuild's incremental build recompiles only the
/// projects whose inputs really differ.
/// </summary>
internal static class FolderMirror
{
    private static readonly HashSet<string> BuildOutput = new(StringComparer.Ordinal) { "bin", "obj" };

    /// <summary>Mirrors <paramref name="source"/> onto <paramref name="target"/>; answers how many files were written or deleted.</summary>
    public static int Mirror(string source, string target)
    {
        var wanted = SourceFiles(source).ToHashSet(StringComparer.Ordinal);
        var changes = 0;
        foreach (var relative in wanted)
        {
            var from = Path.Combine(source, relative);
            var to = Path.Combine(target, relative);
            if (File.Exists(to) && SameBytes(from, to))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            changes++;
        }

        if (Directory.Exists(target))
        {
            foreach (var stale in SourceFiles(target).Where(relative => !wanted.Contains(relative)).ToList())
            {
                File.Delete(Path.Combine(target, stale));
                changes++;
            }
        }

        return changes;
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file))
            .Where(relative => !relative.Split(Path.DirectorySeparatorChar).Any(BuildOutput.Contains));

    private static bool SameBytes(string left, string right) =>
        new FileInfo(left).Length == new FileInfo(right).Length && File.ReadAllBytes(left).AsSpan().SequenceEqual(File.ReadAllBytes(right));
}
