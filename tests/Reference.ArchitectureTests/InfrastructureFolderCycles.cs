using NetArchTest.Rules;

namespace Reference.ArchitectureTests;

/// <summary>
/// Each Infrastructure folder is a capability. Folders may build on one another, but never in a circle:
/// a cycle means two capabilities can only be understood, registered and replaced together.
/// </summary>
public sealed class InfrastructureFolderCycles
{
    private const string Root = "Reference.Infrastructure";

    [Fact]
    public void Infrastructure_folders_do_not_depend_on_one_another_in_a_cycle()
    {
        var graph = DependencyGraph();
        var cycles = Cycles(graph);

        Assert.True(cycles.Count == 0,
            "Infrastructure folders depend on one another in a cycle: " + string.Join("; ", cycles.Select(c =>
                string.Join(" -> ", c) + " (" + string.Join(", ", c.Zip(c.Skip(1)).Select(edge => $"{edge.First}->{edge.Second}: {graph[edge.First][edge.Second]}")) + ")")));
    }

    /// <summary>Folder to folder, with one type that makes each edge, for the failure message.</summary>
    private static Dictionary<string, Dictionary<string, string>> DependencyGraph()
    {
        var folders = Solution.Infrastructure.GetTypes()
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(ns => ns[(Root.Length + 1)..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var graph = folders.ToDictionary(f => f, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var from in folders)
        {
            foreach (var to in folders.Where(to => to != from))
            {
                var result = Types.InAssembly(Solution.Infrastructure)
                    .That().ResideInNamespace($"{Root}.{from}")
                    .ShouldNot().HaveDependencyOn($"{Root}.{to}")
                    .GetResult();
                if (!result.IsSuccessful)
                {
                    graph[from][to] = result.FailingTypeNames is [var first, ..] ? first : "?";
                }
            }
        }

        return graph;
    }

    private static List<List<string>> Cycles(Dictionary<string, Dictionary<string, string>> graph)
    {
        var cycles = new List<List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in graph.Keys)
        {
            var path = new List<string> { start };
            Walk(start, start, path, graph, cycles, seen);
        }

        return cycles;
    }

    // Reports each elementary cycle once, from its alphabetically first folder.
    private static void Walk(string start, string current, List<string> path, Dictionary<string, Dictionary<string, string>> graph, List<List<string>> cycles, HashSet<string> seen)
    {
        foreach (var next in graph[current].Keys)
        {
            if (next == start)
            {
                var cycle = new List<string>(path) { start };
                if (seen.Add(string.Join(">", cycle)))
                {
                    cycles.Add(cycle);
                }
            }
            else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next))
            {
                path.Add(next);
                Walk(start, next, path, graph, cycles, seen);
                path.RemoveAt(path.Count - 1);
            }
        }
    }
}
