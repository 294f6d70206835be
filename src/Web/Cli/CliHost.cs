using Reference.SharedKernel.Identity;
using Reference.Web.Composition;

namespace Reference.Web.Cli;

/// <summary>
/// The application's services, configured exactly as the web host is (appsettings, environment, user secrets), but
/// built and never started: no Kestrel, no projection daemon, outbox dispatcher or job server. Logs go to stderr.
/// </summary>
public static class CliHost
{
    /// <summary>Who a command acts as: the operator at the shell, who holds the configuration and so every permission.</summary>
    public static Principal Operator { get; } = new(
        $"cli:{Environment.UserName}", $"cli ({Environment.UserName})", ["platform-admin", "admin"], []);

    public static WebApplication Build(CliSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = settings.Environment });
        foreach (var (key, value) in settings.Configuration)
        {
            builder.Configuration[key] = value;
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReferenceApi(builder.Configuration);
        builder.Services.AddReferencePersistence(builder.Configuration);
        builder.Services.AddReferenceReadSide(builder.Configuration);
        return builder.Build();
    }
}

/// <summary>What the CLI runs on beyond the environment: tests pass a database and an environment name here.</summary>
public sealed record CliSettings(IReadOnlyDictionary<string, string?> Configuration, string? Environment = null)
{
    public static CliSettings Default { get; } = new(new Dictionary<string, string?>());
}
