using Reference.TestSupport.Postgres;
using Reference.Web.Cli;

namespace Reference.IntegrationTests.Cli;

/// <summary>A PostgreSQL database of its own for the CLI tests, and a way to run one command in-process against it.</summary>
public sealed class CliDatabase : IAsyncLifetime
{
    private string? _connectionString;

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.Instance.CreateDatabaseAsync("cli");
        var (exit, _, error) = await RunAsync("migrate");
        Assert.True(exit == ReferenceCli.Success, error);
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresServer.Instance.DropDatabaseAsync(_connectionString);
        }
    }

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var settings = new CliSettings(
            new Dictionary<string, string?>
            {
                ["Persistence:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = _connectionString,
                ["MultiTenancy:Tenants:acme:Name"] = "Acme Corporation",
                ["MultiTenancy:Stores:0"] = "Configuration",
                ["MultiTenancy:Stores:1"] = "Database",
            },
            Environment: "Testing");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ReferenceCli.RunAsync(args, output, error, settings);
        return (exit, output.ToString(), error.ToString());
    }
}
