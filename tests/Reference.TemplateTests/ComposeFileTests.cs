using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reference.TemplateTests;

/// <summary>
/// No Docker engine is needed: the compose file is parsed and checked against what the application reads.
/// </summary>
public sealed partial class ComposeFileTests
{
    private const string App = "app";

    private readonly ComposeFile _compose = ComposeFile.Load(RepositoryLayout.PathOf("docker", "compose.yaml"));

    private ComposeService AppService => _compose.Services[App];

    // Embedded stores live in a file inside the container and need no service.
    private static readonly HashSet<string> EmbeddedStores = ["Sqlite"];

    [Fact]
    public void Every_connection_string_the_app_reads_is_set_for_the_app_container()
    {
        var readByApp = ConnectionStringNamesInAppSettings()
            .Concat(SourceFiles().SelectMany(file => ConnectionStringRead().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value)))
            .Where(name => !EmbeddedStores.Contains(name))
            .ToHashSet();

        var missing = readByApp.Where(name => !AppService.Environment.ContainsKey($"ConnectionStrings__{name}")).ToList();

        Assert.True(missing.Count == 0, $"Connection strings without a value in compose: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void Every_environment_variable_the_app_reads_is_set_for_the_app_container()
    {
        var readByApp = SourceFiles()
            .SelectMany(file => EnvironmentVariableRead().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value))
            .ToHashSet();

        var missing = readByApp.Where(name => !AppService.Environment.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, $"Environment variables without a value in compose: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void Every_endpoint_the_app_is_given_is_a_service_listening_on_that_port()
    {
        var endpoints = AppService.Environment.Values.SelectMany(Endpoints).ToList();
        Assert.NotEmpty(endpoints);

        foreach (var (host, port) in endpoints)
        {
            Assert.True(_compose.Services.TryGetValue(host, out var service), $"The app points at '{host}', which is no service.");
            if (port is { } listening && service.Ports.Count > 0)
            {
                Assert.Contains(listening, service.Ports.Select(mapping => mapping.ContainerPort));
            }
        }
    }

    [Fact]
    public void The_app_waits_for_every_service_it_connects_to()
    {
        var targets = AppService.Environment.Values.SelectMany(Endpoints).Select(endpoint => endpoint.Host).Distinct();

        Assert.All(targets, target => Assert.True(AppService.DependsOn.ContainsKey(target), $"app does not depend on {target}."));
    }

    [Fact]
    public void Services_the_app_waits_on_as_healthy_define_a_health_check()
    {
        var waitedOn = AppService.DependsOn.Where(dependency => dependency.Value == "service_healthy").Select(dependency => dependency.Key);

        Assert.All(waitedOn, name => Assert.True(_compose.Services[name].HasHealthCheck, $"{name} has no health check."));
    }

    [Fact]
    public void Host_ports_do_not_clash()
    {
        var clashes = _compose.Services.Values
            .SelectMany(service => service.Ports.Select(mapping => (service.Name, mapping.HostPort)))
            .GroupBy(binding => binding.HostPort)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(binding => binding.Name))}")
            .ToList();

        Assert.True(clashes.Count == 0, $"Host ports used twice: {string.Join("; ", clashes)}.");
    }

    [Fact]
    public void No_secret_is_written_in_the_compose_file_and_every_variable_is_documented()
    {
        var documented = File.ReadAllLines(RepositoryLayout.PathOf("docker", ".env.example"))
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.TrimStart().StartsWith('#'))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)].Trim())
            .ToHashSet();

        foreach (var service in _compose.Services.Values)
        {
            foreach (var (name, value) in service.Environment)
            {
                if (SecretName().IsMatch(name))
                {
                    Assert.Matches(@"^\$\{[A-Z_]+(:\?[^}]*)?\}$", value);
                }

                Assert.DoesNotMatch(@"(?i)password=(?!\$\{)", value);
                Assert.All(ComposeFile.VariablesIn(value), variable => Assert.Contains(variable, documented));
            }
        }
    }

    [Fact]
    public void Named_volumes_are_declared()
    {
        var named = _compose.Services.Values
            .SelectMany(service => service.Volumes)
            .Select(volume => volume.Split(':')[0])
            .Where(source => !source.StartsWith('.') && !source.StartsWith('/'));

        Assert.All(named, volume => Assert.Contains(volume, _compose.DeclaredVolumes));
    }

    [Fact]
    public void MongoDB_runs_as_the_replica_set_the_app_connects_to()
    {
        var replicaSet = ReplicaSetArgument().Match(_compose.Services["mongo"].Command);
        Assert.True(replicaSet.Success, "mongo is not started with --replSet.");

        Assert.Contains($"replicaSet={replicaSet.Groups[1].Value}", AppService.Environment["ConnectionStrings__Mongo"], StringComparison.Ordinal);
    }

    [Fact]
    public void Providers_chosen_for_the_container_are_ones_the_app_knows()
    {
        Assert.Contains(AppService.Environment["Persistence__Provider"], new[] { "Postgres", "Sqlite" });
        Assert.Contains(AppService.Environment["ReadStore__Provider"], new[] { "Mongo", "Relational" });
    }

    [Fact]
    public void Dockerfile_runs_as_a_non_root_user_with_a_liveness_health_check()
    {
        var dockerfile = File.ReadAllLines(RepositoryLayout.PathOf("docker", "Dockerfile"));
        var runtimeStage = dockerfile.SkipWhile(line => !line.StartsWith("FROM", StringComparison.Ordinal)).Skip(1)
            .SkipWhile(line => !line.StartsWith("FROM", StringComparison.Ordinal)).ToList();

        Assert.True(dockerfile.Count(line => line.StartsWith("FROM", StringComparison.Ordinal)) >= 2, "Not a multi-stage build.");
        Assert.Contains(runtimeStage, line => line.StartsWith("USER ", StringComparison.Ordinal) && !line.Contains("root", StringComparison.Ordinal));
        Assert.Contains(runtimeStage, line => line.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        Assert.Contains(runtimeStage, line => line.Contains("/health/live", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(RepositoryLayout.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    private static HashSet<string> ConnectionStringNamesInAppSettings() =>
        Directory.GetFiles(RepositoryLayout.PathOf("src", "Web"), "appsettings*.json")
            .SelectMany(file =>
            {
                using var settings = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
                return settings.RootElement.TryGetProperty("ConnectionStrings", out var connectionStrings)
                    ? connectionStrings.EnumerateObject().Select(property => property.Name).ToList()
                    : [];
            })
            .ToHashSet();

    /// <summary>Hosts (and ports, when given) named by a connection string, URL or bare host setting.</summary>
    private IEnumerable<(string Host, int? Port)> Endpoints(string value)
    {
        value = ComposeFile.WithDefaults(value);
        foreach (Match match in HostEndpoint().Matches(value))
        {
            yield return (match.Groups["host"].Value, ParsePort(match.Groups["port"]));
        }

        // A bare service name, e.g. Smtp__Host: mailpit.
        if (_compose.Services.ContainsKey(value))
        {
            yield return (value, null);
        }
    }

    private static int? ParsePort(Group port) =>
        port.Success ? int.Parse(port.Value, CultureInfo.InvariantCulture) : null;

    // Host=name;Port=n (Npgsql), scheme://[user:pass@]name:port (MongoDB, AMQP, HTTP), name:port (Redis).
    [GeneratedRegex(@"Host=(?<host>[A-Za-z0-9_.-]+)(;Port=(?<port>\d+))?|://(?:[^@/]*@)?(?<host>[A-Za-z0-9_.-]+)(:(?<port>\d+))?|^(?<host>[A-Za-z0-9_.-]+):(?<port>\d+)$")]
    private static partial Regex HostEndpoint();

    [GeneratedRegex(@"GetConnectionString\(""([^""]+)""\)")]
    private static partial Regex ConnectionStringRead();

    // Configuration read by an upper-case environment-variable name, e.g. configuration["OTEL_EXPORTER_OTLP_ENDPOINT"].
    [GeneratedRegex(@"\[""([A-Z][A-Z0-9]*_[A-Z0-9_]+)""\]")]
    private static partial Regex EnvironmentVariableRead();

    [GeneratedRegex("(PASSWORD|PASS|SECRET|TOKEN)$")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"--replSet\s+(\S+)")]
    private static partial Regex ReplicaSetArgument();
}
