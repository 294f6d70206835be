using Microsoft.AspNetCore.Hosting;

namespace Reference.IntegrationTests.Api.Support;

/// <summary>
/// The app with some settings changed (a value of null removes the test default, so appsettings decides) and,
/// optionally, another environment than <c>Testing</c>: for tests of what the app does at start-up.
/// </summary>
public sealed class ConfiguredApiFactory(IReadOnlyDictionary<string, string?> overrides, string? environment = null) : ReferenceApiFactory
{
    /// <summary>Starts the app; returns why it refused to start, or null when it started.</summary>
    public async Task<string?> StartFailureAsync()
    {
        try
        {
            await InitializeAsync();
            return null;
        }
        catch (Exception error)
        {
            var messages = new List<string>();
            for (var e = error; e is not null; e = e.InnerException)
            {
                messages.Add(e.Message);
            }

            return string.Join(" | ", messages);
        }
    }

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        foreach (var (key, value) in overrides)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (environment is not null)
        {
            builder.UseEnvironment(environment);
        }
    }
}
