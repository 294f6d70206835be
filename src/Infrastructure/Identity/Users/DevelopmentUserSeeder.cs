using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.Identity.Users;

/// <summary>
/// Creates <see cref="DatabaseUsersOptions.DevelopmentUser"/> once the host has started (after start-up migrations),
/// in Development only: any other environment ignores the setting, so a copied appsettings file cannot plant a known
/// password in production.
/// </summary>
public sealed partial class DevelopmentUserSeeder(
    IHostEnvironment environment,
    IOptions<DatabaseUsersOptions> options,
    DatabaseIdentityProvider users,
    ILogger<DevelopmentUserSeeder> logger) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || options.Value is not { Enabled: true, DevelopmentUser: { } user }
            || string.IsNullOrWhiteSpace(user.Tenant) || string.IsNullOrWhiteSpace(user.Email) || string.IsNullOrEmpty(user.Password))
        {
            return;
        }

        if (await users.RegisterAsync(user.Tenant, user.Email, user.Password, user.Roles, cancellationToken) is not null)
        {
            LogSeeded(logger, user.Email, user.Tenant);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Development user {Email} created in tenant {Tenant}.")]
    private static partial void LogSeeded(ILogger logger, string email, string tenant);
}
