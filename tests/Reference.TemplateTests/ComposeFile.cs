using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace Reference.TemplateTests;

/// <summary>docker/compose.yaml, parsed into plain dictionaries and lists.</summary>
internal sealed partial class ComposeFile
{
    private ComposeFile(IReadOnlyDictionary<string, ComposeService> services, IReadOnlySet<string> declaredVolumes)
    {
        Services = services;
        DeclaredVolumes = declaredVolumes;
    }

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    public IReadOnlySet<string> DeclaredVolumes { get; }

    public static ComposeFile Load(string path)
    {
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object?>>(File.ReadAllText(path));
        var services = Map(root["services"]).ToDictionary(
            service => (string)service.Key,
            service => ComposeService.From((string)service.Key, Map(service.Value)));
        var volumes = root.TryGetValue("volumes", out var declared) ? Map(declared).Keys.Cast<string>().ToHashSet() : [];
        return new ComposeFile(services, volumes);
    }

    /// <summary>The value of <c>${NAME:-default}</c>, <c>${NAME:?message}</c> or <c>${NAME}</c> references, with defaults applied.</summary>
    public static string WithDefaults(string value) =>
        Interpolation().Replace(value, match => match.Groups["default"].Success ? match.Groups["default"].Value : $"${match.Groups["name"].Value}");

    public static IEnumerable<string> VariablesIn(string value) =>
        Interpolation().Matches(value).Select(match => match.Groups["name"].Value);

    internal static Dictionary<object, object?> Map(object? node) =>
        node as Dictionary<object, object?> ?? [];

    internal static List<object?> List(object? node) => node as List<object?> ?? [];

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*)|:\?[^}]*)?\}")]
    private static partial Regex Interpolation();
}

internal sealed record ComposeService(
    string Name,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<(int HostPort, int ContainerPort)> Ports,
    IReadOnlyList<string> Volumes,
    bool HasHealthCheck,
    IReadOnlyDictionary<string, string> DependsOn,
    string Command)
{
    public static ComposeService From(string name, Dictionary<object, object?> definition)
    {
        var environment = ComposeFile.Map(definition.GetValueOrDefault("environment"))
            .ToDictionary(entry => (string)entry.Key, entry => Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        var ports = ComposeFile.List(definition.GetValueOrDefault("ports"))
            .Select(port => ComposeFile.WithDefaults((string)port!).Split(':'))
            .Select(parts => (int.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var volumes = ComposeFile.List(definition.GetValueOrDefault("volumes")).Select(volume => (string)volume!).ToList();
        var dependsOn = ComposeFile.Map(definition.GetValueOrDefault("depends_on")).ToDictionary(
            entry => (string)entry.Key,
            entry => (string?)ComposeFile.Map(entry.Value).GetValueOrDefault("condition") ?? "service_started");
        var command = definition.GetValueOrDefault("command") switch
        {
            List<object?> parts => string.Join(' ', parts),
            var single => Convert.ToString(single, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
        return new ComposeService(name, environment, ports, volumes, definition.ContainsKey("healthcheck"), dependsOn, command);
    }
}
